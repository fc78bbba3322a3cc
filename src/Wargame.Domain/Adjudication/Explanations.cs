using System.Collections.Immutable;
using Wargame.Domain.Adjudication.Steps;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication;

/// <summary>A historical case an outcome resembles, named in its record for the debrief.</summary>
internal enum Precedent { MemorandumWithoutForces, KoreaTripwireShrunk, CasualtiesThenExit, ForcesPresentButDefeated, CommitmentMadeGood, GovernmentChange }

/// <summary>The role objectives of game-model.md that score lines name.</summary>
internal enum ScoreObjective
{
    Sovereignty, CeasefireHolds, Deterrence, TerritoryHeld, Reconstruction,
    GainsKept, NoWesternTroops, SanctionsRelief, NoNato, NoWarWithUs,
    LowCost, Reputation, MineralsReturns, NoDirectWar,
    EuropeanSecurity, UsStaysEngaged, FairBurdenShare, Spending,
    CeasefireConduct, AudienceCosts,
}

/// <summary>
/// Every sentence of a resolution: titles, subjects, outcomes, precedents, counterfactuals and score lines, built
/// from what the steps computed. Counterfactuals are recomputed with the turn's own rule constants (the context's
/// table), through the same formulas the steps use; the sizes of the "what if" probes are the named constants below.
/// </summary>
internal static class Explanations
{
    /// <summary>The counterfactual of a ratification: Congress this much warmer.</summary>
    private const double CongressMoodProbe = 0.2;
    /// <summary>The counterfactual of Russia's outlook: deterrence this much higher.</summary>
    private const double DeterrenceProbe = 0.2;
    /// <summary>The counterfactual of a memorandum without forces: a tripwire of this many troops.</summary>
    private const int TripwireProbe = 10_000;

    // Orders take effect (recorded in step E)

    public static ResolutionRecord TripwireShortfall(ResolutionContext ctx, int agreementId, Tripwire tripwire, int troops) => Record(ctx, RecordKind.TripwireShortfall, $"{tripwire.Guarantor}-g{agreementId}") with
    {
        Title = "Tripwire shortfall",
        Subject = $"{tripwire.Guarantor.DisplayName()} on guarantee #{agreementId}",
        Terms = [new Term("troops promised", tripwire.Troops, "AGREEMENT", $"guarantee #{agreementId}"), new Term("troops deployed", troops, "ORDERS", "order of battle")],
        Outcome = $"Breach detected: {Fmt.Int(troops)} troops against {Fmt.Int(tripwire.Troops)} promised.",
        Precedent = Text(Precedent.KoreaTripwireShrunk),
        Counterfactual = $"with the {Fmt.Int(tripwire.Troops)} troops promised in place, T_i would be {Fmt.Two(Deterrence.Tripwire(ctx.Rules, tripwire.Troops))} instead of {Fmt.Two(Deterrence.Tripwire(ctx.Rules, troops))}",
    };

    // A

    public static ResolutionRecord Ratification(ResolutionContext ctx, int agreementId, ImmutableArray<Term> terms, double p, double mood, Roll roll)
    {
        var warmer = Math.Min(1, mood + CongressMoodProbe);
        return Record(ctx, RecordKind.Ratification, $"g{agreementId}") with
        {
            Title = "Senate ratification",
            Subject = $"guarantee #{agreementId}",
            Terms = terms,
            ThresholdBp = roll.ThresholdBp,
            Roll = roll.Value,
            Outcome = roll.Success ? "Ratified: the treaty enters into force." : "Not ratified this turn; the treaty is signed but not in force.",
            Counterfactual = $"with Congress mood {Fmt.Two(warmer)}: {Fmt.Pct(p)} -> {Fmt.Pct(CommitmentStep.RatificationChance(ctx, warmer))}",
            VisibleTo = [Role.US],
            Adjustment = roll.Adjustment?.Logit,
            AdjustmentReason = roll.Adjustment?.Reason,
        };
    }

    public static ResolutionRecord Commitment(ResolutionContext ctx, World world, Agreement agreement, GuarantorAssessment a)
    {
        var altForm = agreement.Form == LegalForm.RatifiedTreaty ? LegalForm.Verbal : LegalForm.RatifiedTreaty;
        var alt = Deterrence.CommitmentValue(world, ctx.Rules, agreement, a.Guarantor, altForm);
        return Record(ctx, RecordKind.Commitment, $"{a.Guarantor}-g{a.AgreementId}") with
        {
            Title = "Commitment",
            Subject = $"{a.Guarantor.DisplayName()} on guarantee #{a.AgreementId}",
            Terms = a.CommitmentTerms,
            ThresholdBp = Dice.ToBasisPoints(a.Commitment),
            Outcome = $"C = s({Fmt.Two(a.CommitmentTerms.Sum(t => t.Value))}) = {Fmt.Two(a.Commitment)}",
            Counterfactual = $"as a {Describe(altForm)}: {Fmt.Pct(a.Commitment)} -> {Fmt.Pct(alt)}",
        };
    }

    // B

    public static ResolutionRecord Capability(ResolutionContext ctx, World world, Agreement agreement, GuarantorAssessment first)
    {
        var guarantors = agreement.Guarantee!.Guarantors;
        var withUs = guarantors.Contains(Role.US);
        var altSet = withUs ? guarantors.Remove(Role.US) : guarantors.Add(Role.US);
        var altK = altSet.IsEmpty ? 0.0 : Deterrence.CapabilityValue(world, ctx.Rules, altSet, agreement.Guarantee.ArmsAndIntelligence);
        return Record(ctx, RecordKind.Capability, $"g{first.AgreementId}") with
        {
            Title = "Capability",
            Subject = $"guarantors of #{first.AgreementId}: {string.Join(", ", guarantors)}",
            Terms = first.CapabilityTerms,
            ThresholdBp = Dice.ToBasisPoints(first.Capability),
            Outcome = $"K_S = {Fmt.Two(first.Capability)}",
            Counterfactual = $"{(withUs ? "without the United States" : "with the United States in S")}: {Fmt.Pct(first.Capability)} -> {Fmt.Pct(altK)}",
        };
    }

    // C

    public static ResolutionRecord Credibility(ResolutionContext ctx, World world, Agreement agreement, GuarantorAssessment a) => Record(ctx, RecordKind.Credibility, $"{a.Guarantor}-g{a.AgreementId}") with
    {
        Title = "Credibility",
        Subject = $"{a.Guarantor.DisplayName()} on guarantee #{a.AgreementId}",
        Terms = [new Term("C_i", a.Commitment, "A", "step A"), new Term("K_S", a.Capability, "B", "step B")],
        ThresholdBp = Dice.ToBasisPoints(a.Credibility),
        Outcome = $"Cred = sqrt(C K) = {Fmt.Two(a.Credibility)}",
        Precedent = agreement.Form == LegalForm.Verbal && world[a.Guarantor].Troops == 0 ? Text(Precedent.MemorandumWithoutForces) : null,
        Counterfactual = $"with full commitment (C = 1): {Fmt.Pct(a.Credibility)} -> {Fmt.Pct(Math.Sqrt(a.Capability))}; high resolve cannot offset low capability",
    };

    public static ResolutionRecord CombinedDeterrence(ResolutionContext ctx, Assessment assessment)
    {
        var d = assessment.Deterrence;
        var goal = ctx.Value(DeterrenceGoal);
        return Record(ctx, RecordKind.Deterrence, "all") with
        {
            Title = "Deterrence",
            Subject = "all guarantees in force",
            Terms = [.. assessment.Guarantors.GroupBy(a => a.Guarantor).Select(g => new Term($"best Cred of {g.Key}", g.Max(a => a.Credibility), "C", "step C"))],
            ThresholdBp = Dice.ToBasisPoints(d),
            Outcome = assessment.Guarantors.IsEmpty ? "D = 0: no guarantee is in force." : $"D = 1 - prod(1 - Cred_i) = {Fmt.Two(d)}",
            Counterfactual = d >= goal
                ? $"D {Fmt.Two(d)} meets Ukraine's {Fmt.Short(goal)} goal"
                : $"D {Fmt.Two(d)} falls short of Ukraine's {Fmt.Short(goal)} goal by {Fmt.Two(goal - d)}",
        };
    }

    public static ResolutionRecord Outlook(ResolutionContext ctx, double d, double resolve, ImmutableArray<AttackOptionView> options)
    {
        var higher = Math.Min(1, d + DeterrenceProbe);
        var major = RussianOutlook.Utility(higher, ctx.Value(GainMajor) * (ctx.Value(GainResolveBase) + resolve), ctx.Value(CostMajor));
        return Record(ctx, RecordKind.RussianOutlook, "RU") with
        {
            Title = "Russia's expected utility of attacking",
            Subject = "Russia",
            Terms = [.. options.Select(o => new Term($"{o.Posture}: (1 - D) {Fmt.One(o.Gain)} - D {Fmt.One(o.CostOfWar)}", o.ExpectedUtility, "DESIGN", "game-model.md step C"))],
            Outcome = $"Best option: {options.MaxBy(o => o.ExpectedUtility)!.Posture}; chosen: {ctx.Russia.Posture}.",
            Counterfactual = $"with D {Fmt.Short(DeterrenceProbe)} higher, a major offensive's utility would be {Fmt.One(major)}",
            VisibleTo = [Role.RU],
        };
    }

    // D

    public static ResolutionRecord Hazard(ResolutionContext ctx, int ceasefireId, CeasefireTerms c, double h, ImmutableArray<Term> terms)
    {
        var monitors = ctx.Value(HrMonitors);
        return Record(ctx, RecordKind.Hazard, $"c{ceasefireId}") with
        {
            Title = "Ceasefire hazard",
            Subject = $"ceasefire #{ceasefireId}",
            Terms = terms,
            ThresholdBp = Dice.ToBasisPoints(h),
            Outcome = $"h = {Fmt.Three(h)} this turn (a human Russia chooses; bot Russia and spoilers roll against it).",
            Counterfactual = c.Monitoring == Monitoring.None
                ? $"with monitors: {Fmt.Three(h)} -> {Fmt.Three(h * monitors)}"
                : $"without monitors: {Fmt.Three(h)} -> {Fmt.Three(h * (1 / monitors))}",
            VisibleTo = [Role.RU],
        };
    }

    /// <summary>
    /// Russia's eyes (and the facilitator's) only: its chance is h times the pressure, and h moves with Russia's secret
    /// orders and hidden quantities. Everyone reads a collapse in the ceasefire's status.
    /// </summary>
    public static ResolutionRecord Spoiler(ResolutionContext ctx, int ceasefireId, double h, double pressure, double p, Roll roll) =>
        Rolled(ctx, RecordKind.Spoiler, roll, "Spoiler attack", $"ceasefire #{ceasefireId}",
            [new Term("hazard h", h, "D", "step D"), new Term("spoiler pressure (inject)", pressure, "INJECT", "facilitator or event deck")],
            roll.Success ? "Spoilers wreck the ceasefire: it collapses." : "The ceasefire survives the spoilers.", null,
            $"without the spoiler pressure the chance would be 0% instead of {Fmt.Pct(p)}", [Role.RU]);

    public static ResolutionRecord Incident(ResolutionContext ctx, int ceasefireId, Roll roll) =>
        Rolled(ctx, RecordKind.Incident, roll, "Minor incident", $"ceasefire #{ceasefireId}",
            [ctx.Term(MinorIncident, "P(incident), monitors do not reduce it")],
            roll.Success ? "An incident along the line." : "A quiet turn along the line.", null,
            "monitors would not change this chance, only whether the incident is attributed");

    public static ResolutionRecord Attribution(ResolutionContext ctx, int ceasefireId, Monitoring monitoring, RuleKey used, Role violator, Roll roll) =>
        Rolled(ctx, RecordKind.Attribution, roll, "Attribution of the incident", $"ceasefire #{ceasefireId}",
            [ctx.Term(used, "P(attribution)")],
            roll.Success ? $"The incident is attributed to {violator.DisplayName()}." : "Nobody can say who started it.", null,
            monitoring == Monitoring.None
                ? $"with monitors, attribution {Fmt.Pct(ctx.Value(used))} -> {Fmt.Pct(ctx.Value(AttributionWithMonitors))}"
                : $"without monitors, attribution {Fmt.Pct(ctx.Value(used))} -> {Fmt.Pct(ctx.Value(AttributionWithoutMonitors))}");

    /// <summary>A violation detected from the orders (a probe, an offensive, a counter-attack, troops above a force cap).</summary>
    public static ResolutionRecord Violation(ResolutionContext ctx, RecordKind kind, int agreementId, Role violator, int ukraineTroops, RussiaPosture? posture = null, int cap = 0)
    {
        var (title, outcome) = kind switch
        {
            RecordKind.ProbeViolation => ("Grey-zone probe", "Breach detected: Russia's grey-zone probe violates the ceasefire; it still holds."),
            RecordKind.OffensiveViolation => ("Offensive", $"Violation detected: Russia's {Describe(posture ?? RussiaPosture.MajorOffensive)} breaks the ceasefire."),
            RecordKind.CounterAttackViolation => ("Counter-attack", "Violation detected: Ukraine's counter-attack breaks the ceasefire."),
            RecordKind.ForceCapBreach => ("Force cap", $"Breach detected: Ukraine's {Fmt.Int(ukraineTroops)} troops exceed the cap of {Fmt.Int(cap)}."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a violation."),
        };
        return Record(ctx, kind, $"{violator}-c{agreementId}") with
        {
            Title = $"Violation check: {title}",
            Subject = $"ceasefire #{agreementId}",
            Terms = [new Term("orders", 1, "ORDERS", $"{violator.DisplayName()}'s orders this turn")],
            Outcome = outcome,
            Counterfactual = "had the orders complied, the ceasefire would have held this turn",
        };
    }

    public static RoleScoreLine IncidentAttributed(ResolutionContext ctx, Role violator) =>
        ScoreLine(violator, ScoreObjective.CeasefireConduct, ctx.Value(ScoreIncidentAttributed), "a minor incident was attributed to you (step D)");

    public static RoleScoreLine CeasefireCollapsed(ResolutionContext ctx) =>
        ScoreLine(Role.UA, ScoreObjective.CeasefireHolds, -ctx.Value(ScoreCeasefireHolds), "the ceasefire collapsed (step D)");

    public static RoleScoreLine CeasefireBroken(ResolutionContext ctx, Role violator) =>
        ScoreLine(violator, ScoreObjective.CeasefireConduct, ctx.Value(ScoreCeasefireBroken), "you broke the ceasefire (step D)");

    // E

    public static ResolutionRecord CongressBlocks(ResolutionContext ctx, int agreementId, Roll roll) =>
        Rolled(ctx, RecordKind.CongressBlocks, roll, "Congress blocks the use of force", $"United States on guarantee #{agreementId}",
            [ctx.Term(RuleKey.CongressBlocks, "P(Congress blocks) under an executive agreement")],
            roll.Success ? "Congress blocks fighting: the response falls back to limited support." : "Congress does not block: US forces may fight.",
            null, "as a ratified treaty there would be no Congress-blocks roll");

    public static ResolutionRecord Denial(ResolutionContext ctx, World world, Agreement agreement, IReadOnlyList<Role> fighting, double k, ImmutableArray<Term> terms, double lost, Roll roll)
    {
        var arms = agreement.Guarantee!.ArmsAndIntelligence;
        var present = fighting.Any(r => world[r].Troops > 0);
        var counterfactual = fighting.Contains(Role.US)
            ? $"with Europe fighting too: {Fmt.Pct(k)} -> {Fmt.Pct(Deterrence.CapabilityValue(world, ctx.Rules, [Role.US, Role.EU], arms))}"
            : $"with the United States fighting too: {Fmt.Pct(k)} -> {Fmt.Pct(Deterrence.CapabilityValue(world, ctx.Rules, [.. fighting, Role.US], arms))}";
        return Rolled(ctx, RecordKind.Denial, roll, "Deny Russia its objective", $"guarantee #{agreement.Id}, fighting: {string.Join(", ", fighting)}", terms,
            roll.Success ? $"Russia is denied its objective: {Fmt.One(lost)}% of territory is retaken." : "Russia keeps its gains despite the guarantors' fight.",
            roll.Success ? Precedent.CommitmentMadeGood : present ? Precedent.ForcesPresentButDefeated : null,
            counterfactual);
    }

    public static ResolutionRecord Offensive(ResolutionContext ctx, bool major, ImmutableArray<Term> terms, double lost, bool guarantorsInTheWay, Roll roll) =>
        Rolled(ctx, RecordKind.Offensive, roll, major ? "Major offensive" : "Limited offensive", "Russia against Ukraine", terms,
            roll.Success ? $"Russia takes {Fmt.One(lost)}% of Ukraine's territory." : "Ukraine's defence holds.",
            roll.Success && guarantorsInTheWay ? Precedent.ForcesPresentButDefeated : null,
            major ? $"a limited offensive would have taken at most {Fmt.One(ctx.Value(TerritoryLimited))}%" : "with Ukraine fortifying, the defence would hold more often");

    public static ResolutionRecord GuaranteeTested(ResolutionContext ctx, Agreement agreement, bool major, double lost, bool withoutForces, bool tripwireShrunk)
    {
        var g = agreement.Guarantee!;
        return Record(ctx, RecordKind.GuaranteeTested, $"g{agreement.Id}") with
        {
            Title = "Guarantee tested",
            Subject = $"guarantee #{agreement.Id} ({string.Join(", ", g.Guarantors)})",
            Terms = [new Term("territory lost this turn (%)", lost, "E", "offensive roll")],
            Outcome = $"The {(major ? "major" : "limited")} offensive touches Ukraine: {string.Join(" and ", g.Guarantors.Select(r => r.DisplayName()))} must answer in next turn's orders (fight / limited / sanctions and arms / nothing).",
            Precedent = withoutForces ? Text(Precedent.MemorandumWithoutForces) : tripwireShrunk ? Text(Precedent.KoreaTripwireShrunk) : null,
            Counterfactual = withoutForces
                ? $"with a tripwire of {Fmt.Int(TripwireProbe)} troops, T_i would add {Fmt.Two(Deterrence.Tripwire(ctx.Rules, TripwireProbe))} to each guarantor's commitment logit"
                : "without the guarantee nobody would be bound to answer",
        };
    }

    public static ResolutionRecord Rally(ResolutionContext ctx, Role role, ImmutableArray<Term> terms, double p, bool treaty, Roll roll)
    {
        var bonus = ctx.Value(RallyTreaty);
        return Rolled(ctx, RecordKind.Rally, roll, "Tripwire casualties", $"{role.DisplayName()}'s troops", terms,
            roll.Success ? "The public rallies behind the troops." : $"Casualties bring exit pressure at home: domestic reversal is {Times(ctx.Value(ReversalExitPressure))} as likely this turn.",
            roll.Success ? null : Precedent.CasualtiesThenExit,
            treaty ? $"without the treaty: {Fmt.Pct(p)} -> {Fmt.Pct(p - bonus)}" : $"under a treaty: {Fmt.Pct(p)} -> {Fmt.Pct(p + bonus)}",
            visibleTo: [role]);
    }

    public static ResolutionRecord CounterAttack(ResolutionContext ctx, ImmutableArray<Term> terms, double gain, Roll roll) =>
        Rolled(ctx, RecordKind.CounterAttack, roll, "Counter-attack", "Ukraine against Russia", terms,
            roll.Success ? $"Ukraine retakes {Fmt.One(gain)}% of its territory." : "The counter-attack stalls.", null,
            "holding instead would have kept the ceasefire (if any) and spared the losses");

    // F

    public static ResolutionRecord Honour(ResolutionContext ctx, int agreementId, Role guarantor, TestResponse response, ImmutableArray<Term> terms, double rep, double gain) =>
        Reputation(ctx, agreementId, guarantor, terms) with
        {
            Outcome = $"Honoured ({response}): reputation {Fmt.Two(rep)} -> {Fmt.Two(rep + gain)}.",
            Counterfactual = $"backing down would have cost {Fmt.Two(ReputationStep.LossOnRenege(ctx, rep))} reputation and audience costs",
        };

    public static ResolutionRecord BackedDown(ResolutionContext ctx, int agreementId, Role guarantor, TestResponse response, ImmutableArray<Term> terms,
        double rep, double loss, double spread, double audienceCost, Precedent? precedent) =>
        Reputation(ctx, agreementId, guarantor, terms) with
        {
            Outcome = $"Backed down ({response}): reputation {Fmt.Two(rep)} -> {Fmt.Two(rep - loss)}; {Fmt.Two(spread)} off its other guarantees; audience cost {Fmt.One(audienceCost)} points.",
            Precedent = precedent is { } p ? Text(p) : null,
            Counterfactual = $"honouring would have raised reputation to {Fmt.Two(rep + ReputationStep.GainOnHonour(ctx, rep))}",
        };

    public static RoleScoreLine Honoured(ResolutionContext ctx, Role guarantor, int agreementId, TestResponse response, double gain) =>
        ScoreLine(guarantor, ScoreObjective.Reputation, ctx.Value(RuleKey.ScoreReputation) * gain, $"honoured guarantee #{agreementId} ({response}, step F)");

    public static RoleScoreLine AudienceCost(ResolutionContext ctx, Role guarantor, int agreementId, double audienceCost) =>
        ScoreLine(guarantor, ScoreObjective.AudienceCosts, -audienceCost, $"backed down on guarantee #{agreementId}: AC = {Fmt.One(audienceCost)} (step F)");

    private static ResolutionRecord Reputation(ResolutionContext ctx, int agreementId, Role guarantor, ImmutableArray<Term> terms) =>
        Record(ctx, RecordKind.Reputation, $"{guarantor}-g{agreementId}") with
        {
            Title = "Reputation and audience costs",
            Subject = $"{guarantor.DisplayName()} on guarantee #{agreementId}",
            Terms = terms,
        };

    // G

    public static ResolutionRecord Reversal(ResolutionContext ctx, World world, Agreement agreement, Role guarantor, ImmutableArray<Term> terms, double r, Roll roll)
    {
        var form = agreement.Form;
        var asTreaty = ReversalStep.Probability(ctx, world, agreement with { CurrentForm = LegalForm.RatifiedTreaty }, guarantor).R;
        return Rolled(ctx, RecordKind.Reversal, roll, "Domestic reversal", $"{guarantor.DisplayName()} on guarantee #{agreement.Id}", terms,
            !roll.Success ? $"The {Describe(form)} survives domestic politics this turn."
                : form == LegalForm.Verbal ? "Reversed: the verbal commitment is disowned and the guarantee lapses."
                : $"Reversed: the {Describe(form)} drops to a verbal commitment.",
            roll.Success ? Precedent.GovernmentChange : null,
            $"as a ratified treaty: {Fmt.Pct1(r)} -> {Fmt.Pct1(asTreaty)}",
            visibleTo: [guarantor]);
    }

    // H

    public static ResolutionRecord Score(ResolutionContext ctx, Role role, ImmutableArray<ScoreLine> lines, double turnScore, double total)
    {
        var largest = lines.MaxBy(l => Math.Abs(l.Points));
        return Record(ctx, RecordKind.Score, role.ToString()) with
        {
            Title = "Score",
            Subject = role.DisplayName(),
            Terms = [.. lines.Select(l => new Term($"{l.Objective}: {l.Because}", l.Points, "DESIGN", "game-model.md step H (role objectives)"))],
            Outcome = $"{Fmt.One(turnScore)} points this turn, {Fmt.One(total)} in all.",
            Counterfactual = largest is null ? "nothing moved this role's score" : $"the largest single line was {largest.Objective} ({Fmt.One(largest.Points)})",
            VisibleTo = [role],
        };
    }

    public static RoleScoreLine ScoreLine(Role role, ScoreObjective objective, double points, string because) =>
        new(role, new ScoreLine(Objective(objective), points, because));

    /// <summary>The mechanic behind each score line of step H, in words.</summary>
    public static class Because
    {
        public const string NatoPledge = "the ceasefire carries a NATO non-accession pledge";
        public const string ForceCap = "the ceasefire caps Ukraine's forces";
        public const string MineralsInvestment = "a minerals deal brings investment";
        public const string EuropeRaisedSpending = "Europe raised spending";
        public const string UsFought = "US forces fought Russia (step E)";
        public const string ArmsSupport = "arms and intelligence support";
        public const string UsGuarantees = "the United States guarantees Ukraine";
        public const string RaisedSpending = "raised defence spending";

        public static string CeasefireInForce(int id) => $"ceasefire #{id} is in force (step D)";

        public static string Deterrence(double d, double goal) => $"D = {Fmt.Two(d)} (goal {Fmt.Short(goal)}, step C)";

        public static string Territory(double from, double to) => $"territory {Fmt.One(from)}% -> {Fmt.One(to)}% (step E)";

        public static string WesternTroops(int troops) => $"{Fmt.Int(troops)} Western troops in Ukraine";

        public static string Sanctions(int level) => $"sanctions pressure {level}";

        public static string TroopsDeployed(int troops) => $"{Fmt.Int(troops)} troops deployed";

        public static string Reputation(double rep) => $"reputation {Fmt.Two(rep)} (step F)";

        public static string Minerals(bool atPeace) => atPeace ? "minerals deal in force and the ceasefire holds" : "minerals deal in force, but war disrupts it";

        public static string EuropeanSecurity(double d, bool ceasefire) => $"D = {Fmt.Two(d)}; ceasefire {(ceasefire ? "holds" : "absent")}";

        public static string BurdenShare(int europe, int us) => $"Europe {Fmt.Int(europe)} troops against the US {Fmt.Int(us)}";
    }

    // Words shared by several records

    public static string Describe(RussiaPosture posture) => posture switch
    {
        RussiaPosture.LimitedOffensive => "limited offensive",
        RussiaPosture.MajorOffensive => "major offensive",
        RussiaPosture.Probe => "grey-zone probe",
        _ => "compliance",
    };

    private static string Describe(LegalForm form) => form switch
    {
        LegalForm.ExecutiveAgreement => "executive agreement",
        LegalForm.CongressionalExecutive => "congressional-executive agreement",
        LegalForm.RatifiedTreaty => "ratified treaty",
        _ => "verbal memorandum",
    };

    private static string Text(Precedent precedent) => precedent switch
    {
        Precedent.MemorandumWithoutForces => "Budapest 1994: a memorandum without forces",
        Precedent.KoreaTripwireShrunk => "Korea 1950: a tripwire shrunk before the test",
        Precedent.CasualtiesThenExit => "Beirut 1983 / Mogadishu 1993: casualties, then exit",
        Precedent.ForcesPresentButDefeated => "Srebrenica 1995: forces present but defeated",
        Precedent.CommitmentMadeGood => "West Berlin 1948–49: a commitment made good",
        _ => "Leeds 2003: a change of government abandons a commitment",
    };

    private static string Objective(ScoreObjective objective) => objective switch
    {
        ScoreObjective.Sovereignty => "sovereignty",
        ScoreObjective.CeasefireHolds => "ceasefire holds",
        ScoreObjective.Deterrence => "deterrence",
        ScoreObjective.TerritoryHeld => "territory held",
        ScoreObjective.Reconstruction => "reconstruction money",
        ScoreObjective.GainsKept => "gains kept",
        ScoreObjective.NoWesternTroops => "no Western troops",
        ScoreObjective.SanctionsRelief => "sanctions relief",
        ScoreObjective.NoNato => "no NATO",
        ScoreObjective.NoWarWithUs => "no direct war with the US",
        ScoreObjective.LowCost => "low cost",
        ScoreObjective.Reputation => "reputation",
        ScoreObjective.MineralsReturns => "minerals returns",
        ScoreObjective.NoDirectWar => "no direct war",
        ScoreObjective.EuropeanSecurity => "European security",
        ScoreObjective.UsStaysEngaged => "US stays engaged",
        ScoreObjective.FairBurdenShare => "fair burden share",
        ScoreObjective.Spending => "spending",
        ScoreObjective.CeasefireConduct => "ceasefire conduct",
        _ => "audience costs",
    };

    /// <summary>"twice", "three times", or "1.5 times".</summary>
    private static string Times(double factor) => factor switch
    {
        2 => "twice",
        3 => "three times",
        _ => $"{Fmt.Short(factor)} times",
    };

    private static ResolutionRecord Record(ResolutionContext ctx, RecordKind kind, string subjectId) => new()
    {
        Id = ctx.Id(kind, subjectId),
        Step = kind.Step().ToString(),
        Turn = ctx.Turn,
        Title = "",
        Subject = "",
        Outcome = "",
    };

    /// <summary>A record with a d10000 roll: its outcome ends with the roll and the threshold.</summary>
    private static ResolutionRecord Rolled(ResolutionContext ctx, RecordKind kind, Roll roll, string title, string subject, ImmutableArray<Term> terms,
        string outcome, Precedent? precedent, string counterfactual, ImmutableArray<Role> visibleTo = default) => new()
        {
            Id = roll.RecordId,
            Step = kind.Step().ToString(),
            Turn = ctx.Turn,
            Title = title,
            Subject = subject,
            Terms = terms,
            ThresholdBp = roll.ThresholdBp,
            Roll = roll.Value,
            Outcome = $"{outcome} (roll {roll.Value} against {roll.ThresholdBp})",
            Precedent = precedent is { } p ? Text(p) : null,
            Counterfactual = counterfactual,
            VisibleTo = visibleTo.IsDefault ? [] : visibleTo,
            Adjustment = roll.Adjustment?.Logit,
            AdjustmentReason = roll.Adjustment?.Reason,
        };
}
