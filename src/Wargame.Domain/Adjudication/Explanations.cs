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
/// table), through the same formulas the steps use; the sizes of the "what if" probes are rule constants too
/// (<see cref="RuleKey.ProbeCongressMood"/> and the others).
/// </summary>
internal static partial class Explanations
{
    // Orders take effect (recorded in step E)

    public static ResolutionRecord TripwireShortfall(ResolutionContext ctx, Agreement agreement, Tripwire tripwire, int troops) => Record(ctx, RecordKind.TripwireShortfall, $"{tripwire.Guarantor}-g{agreement.Id}") with
    {
        Title = "Tripwire shortfall",
        Subject = $"{tripwire.Guarantor.DisplayName()} on guarantee #{agreement.Id}",
        Terms = [new Term("troops promised", tripwire.Troops, "AGREEMENT", $"guarantee #{agreement.Id}"), new Term("troops deployed", troops, "ORDERS", "order of battle")],
        Outcome = $"Breach detected: {Fmt.Int(troops)} troops against {Fmt.Int(tripwire.Troops)} promised.",
        Precedent = Text(Precedent.KoreaTripwireShrunk),
        Counterfactual = $"with the {Fmt.Int(tripwire.Troops)} troops promised in place, T_i would be {Fmt.Two(Deterrence.Tripwire(ctx.Rules, tripwire.Troops))} instead of {Fmt.Two(Deterrence.Tripwire(ctx.Rules, troops))}",
        VisibleTo = EventAudience(agreement),
    };

    /// <summary>
    /// Who may read the true C, K and credibility of a guarantee: every role but Russia (which reads its own estimate,
    /// step C) for a guarantee every role knows of; its parties only for a secret one.
    /// </summary>
    public static ImmutableArray<Role> TruthAudience(Agreement agreement) =>
        agreement.IsKnownToAll ? [Role.UA, Role.US, Role.EU] : [.. agreement.Parties.Where(r => r != Role.RU)];

    /// <summary>Who may read what happens to a guarantee: everyone (empty) for one every role knows of; its parties for a secret one.</summary>
    public static ImmutableArray<Role> EventAudience(Agreement agreement) => agreement.IsKnownToAll ? [] : agreement.Parties;

    public static ResolutionRecord Drawdown(ResolutionContext ctx, Agreement agreement, Role guarantor, int promised, int troops, double repBefore, double loss, double audienceCost, ImmutableArray<Term> terms) =>
        Record(ctx, RecordKind.Drawdown, $"{guarantor}-g{agreement.Id}") with
        {
            Title = "Drawdown below the promise",
            Subject = $"{guarantor.DisplayName()} on guarantee #{agreement.Id}",
            Terms = terms,
            Outcome = $"Breach detected: {Fmt.Int(troops)} troops against {Fmt.Int(promised)} promised; reputation {Fmt.Two(repBefore)} -> {Fmt.Two(repBefore - loss)}, audience cost {Fmt.One(audienceCost)} points. Any later test of this guarantee carries the Korea 1950 precedent.",
            Precedent = Text(Precedent.KoreaTripwireShrunk),
            Counterfactual = $"keeping the {Fmt.Int(promised)} troops would have kept T_i at {Fmt.Two(Deterrence.Tripwire(ctx.Rules, promised))} instead of {Fmt.Two(Deterrence.Tripwire(ctx.Rules, troops))}, with no breach",
            VisibleTo = EventAudience(agreement),
        };

    public static RoleScoreLine DrawdownCost(Role guarantor, int agreementId, double audienceCost) =>
        ScoreLine(guarantor, ScoreObjective.AudienceCosts, -audienceCost, $"drew troops below the promise of guarantee #{agreementId} (step F)");

    public static ResolutionRecord Disclosure(ResolutionContext ctx, Agreement agreement) => Record(ctx, RecordKind.Disclosure, $"g{agreement.Id}") with
    {
        Title = "A secret guarantee comes to light",
        Subject = $"guarantee #{agreement.Id} ({Names(agreement.Guarantee!.Guarantors)})",
        Terms = [ctx.Term(SecretPublicness, "publicness of a secret guarantee when it comes to light")],
        Outcome = $"The attack tests a guarantee nobody else knew of: its terms are public from now on, and backing down costs the smaller audience cost of a commitment nobody heard ({Fmt.Two(ctx.Value(SecretPublicness))} of a public one's).",
        Counterfactual = "announced in public, the guarantee would have entered Russia's estimate of D and could have deterred this attack",
    };

    public static ResolutionRecord DrawnIn(ResolutionContext ctx, Role guarantor, Monitoring monitoring, RuleKey key, Roll roll) =>
        Rolled(ctx, RecordKind.DrawnIn, roll, monitoring == Monitoring.ArmedPeacekeepers ? "Peacekeepers caught in the offensive" : "Monitors caught in the offensive",
            $"{guarantor.DisplayName()}'s {(monitoring == Monitoring.ArmedPeacekeepers ? "armed peacekeepers" : "unarmed monitors")}",
            [ctx.Term(key, "chance of being drawn in", formula: "P(drawn in)")],
            roll.Success ? $"{guarantor.DisplayName()}'s people on the line take casualties: the public at home rallies or presses for exit." : "They stay out of the fighting.",
            roll.Success ? (monitoring == Monitoring.ArmedPeacekeepers ? Precedent.CasualtiesThenExit : Precedent.ForcesPresentButDefeated) : null,
            monitoring == Monitoring.ArmedPeacekeepers
                ? $"as unarmed monitors: {Fmt.Pct(ctx.Value(key))} -> {Fmt.Pct(ctx.Value(DrawnInMonitors))}"
                : $"as armed peacekeepers: {Fmt.Pct(ctx.Value(key))} -> {Fmt.Pct(ctx.Value(DrawnInPeacekeepers))}");

    // A

    public static string StatementReason(Role guarantor, CommitmentChangeKind change) => change switch
    {
        CommitmentChangeKind.Strengthen => $"{guarantor.DisplayName()} publicly pledged to honour the guarantee",
        CommitmentChangeKind.Weaken => $"{guarantor.DisplayName()} drew its defence perimeter short of Ukraine (a weakening statement)",
        CommitmentChangeKind.AddAmbiguity => $"{guarantor.DisplayName()} added a strategic-ambiguity clause",
        _ => $"{guarantor.DisplayName()} dropped the strategic-ambiguity clause",
    };

    public static ResolutionRecord Statement(ResolutionContext ctx, Agreement agreement, Role guarantor, CommitmentChangeKind change, double before, double after, bool disclosed) =>
        Record(ctx, RecordKind.Statement, $"{guarantor}-g{agreement.Id}") with
        {
            Title = "Commitment changed in play",
            Subject = $"{guarantor.DisplayName()} on guarantee #{agreement.Id}",
            Terms = change is CommitmentChangeKind.Strengthen or CommitmentChangeKind.Weaken
                ? [ctx.Term(StatementShift, "shift in commitment per net statement", change == CommitmentChangeKind.Weaken ? -1 : 1, formula: "logit shift"), ctx.Term(StatementPublicness, "publicness per net statement", change == CommitmentChangeKind.Weaken ? -1 : 1)]
                : [ctx.Term(AmbiguityClause, "strategic-ambiguity clause", change == CommitmentChangeKind.AddAmbiguity ? -1 : 1, formula: "A_amb"), ctx.Term(AmbiguityPublicness, "publicness with the clause")],
            Outcome = $"{StatementReason(guarantor, change)}: C {Fmt.Two(before)} -> {Fmt.Two(after)}.{(disclosed ? " The statement makes the secret guarantee public." : "")}",
            Precedent = change == CommitmentChangeKind.Weaken ? "Korea 1950: Acheson's 'defense perimeter' speech left Korea outside it" : null,
            Counterfactual = change switch
            {
                CommitmentChangeKind.Weaken => "a weaker commitment lowers the audience cost of backing down, and Russia's estimate of D with it",
                CommitmentChangeKind.Strengthen => "each statement also raises the audience cost of backing down later",
                _ => "ambiguity lowers both commitment and the audience cost of backing down (Fearon 1995)",
            },
            VisibleTo = EventAudience(agreement),
        };

    public static ResolutionRecord Ratification(ResolutionContext ctx, int agreementId, ImmutableArray<Term> terms, double p, double mood, Roll roll)
    {
        var warmer = Math.Min(1, mood + ctx.Value(ProbeCongressMood));
        return Record(ctx, RecordKind.Ratification, $"g{agreementId}") with
        {
            Title = "Senate ratification",
            Subject = $"guarantee #{agreementId}",
            Terms = terms,
            ThresholdBp = roll.ThresholdBp,
            Roll = roll.Value,
            Outcome = (roll.Success ? "Ratified: the treaty enters into force." : "Not ratified this turn; the treaty is signed but not in force.")
                + " " + RollReading(RecordKind.Ratification, roll.ThresholdBp, roll.Value),
            Counterfactual = Meaningful($"with Congress mood {Fmt.Two(warmer)}: {Fmt.Pct(p)} -> {Fmt.Pct(CommitmentStep.RatificationChance(ctx, warmer))}"),
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
            // The sentence in words; each term keeps its formula, and the sigmoid of their sum is in the rules table.
            Outcome = $"Commitment {Fmt.Two(a.Commitment)}: how likely {a.Guarantor.DisplayName()} is to honour it if tested.",
            Counterfactual = Meaningful($"as a {Describe(altForm)}: {Fmt.Pct(a.Commitment)} -> {Fmt.Pct(alt)}"),
            VisibleTo = TruthAudience(agreement),
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
            Subject = $"guarantors of #{first.AgreementId}: {Names(guarantors)}",
            Terms = first.CapabilityTerms,
            ThresholdBp = Dice.ToBasisPoints(first.Capability),
            Outcome = $"Capability {Fmt.Two(first.Capability)}: the chance the guarantors' forces could deny Russia its objective (K_S).",
            Counterfactual = Meaningful($"{(withUs ? "without the United States" : "with the United States in S")}: {Fmt.Pct(first.Capability)} -> {Fmt.Pct(altK)}"),
            VisibleTo = TruthAudience(agreement),
        };
    }

    // C

    public static ResolutionRecord Credibility(ResolutionContext ctx, World world, Agreement agreement, GuarantorAssessment a) => Record(ctx, RecordKind.Credibility, $"{a.Guarantor}-g{a.AgreementId}") with
    {
        Title = "Credibility",
        Subject = $"{a.Guarantor.DisplayName()} on guarantee #{a.AgreementId}",
        Terms = [new Term("commitment", a.Commitment, "A", "step A") { Formula = "C_i in Cred = sqrt(C_i K_S)" }, new Term("capability", a.Capability, "B", "step B") { Formula = "K_S in Cred = sqrt(C_i K_S)" }],
        ThresholdBp = Dice.ToBasisPoints(a.Credibility),
        Outcome = $"Credibility {Fmt.Two(a.Credibility)}: commitment and capability together; neither can make up for the other.",
        Precedent = agreement.Form == LegalForm.Verbal && world[a.Guarantor].Troops == 0 ? Text(Precedent.MemorandumWithoutForces) : null,
        Counterfactual = Meaningful($"with full commitment (C = 1): {Fmt.Pct(a.Credibility)} -> {Fmt.Pct(Math.Sqrt(a.Capability))}; high resolve cannot offset low capability"),
        VisibleTo = TruthAudience(agreement),
    };

    public static ResolutionRecord CombinedDeterrence(ResolutionContext ctx, Assessment assessment)
    {
        var d = assessment.Deterrence;
        var goal = ctx.Value(DeterrenceGoal);
        return Record(ctx, RecordKind.Deterrence, "all") with
        {
            Title = "Deterrence",
            Subject = "all guarantees every role knows of (a secret one deters nobody)",
            Terms = [.. assessment.Known.GroupBy(a => a.Guarantor).Select(g => new Term($"best credibility of {g.Key.DisplayName()}", g.Max(a => a.Credibility), "C", "step C") { Formula = "max Cred_i" })],
            ThresholdBp = Dice.ToBasisPoints(d),
            Outcome = !assessment.Known.Any()
                ? "Deterrence is 0: no guarantee Russia knows of is in force."
                : $"Deterrence is {Fmt.Two(d)}: the chance Russia should reckon at least one guarantor would answer an attack (D = 1 - prod(1 - Cred_i)).",
            // Russia reads its own estimate (the perception record) instead.
            VisibleTo = [Role.UA, Role.US, Role.EU],
            Counterfactual = $"one more guarantor of credibility {Fmt.Short(ctx.Value(ProbeGuarantorCredibility))} would raise D to {Fmt.Two(1 - (1 - d) * (1 - ctx.Value(ProbeGuarantorCredibility)))} (Ukraine's goal is {Fmt.Short(goal)})",
        };
    }

    public static ResolutionRecord Perception(ResolutionContext ctx, RussianEstimate estimate)
    {
        var noise = ctx.Rules[PerceptionNoise];
        return Record(ctx, RecordKind.Perception, "RU") with
        {
            Title = "What Russia believes",
            Subject = "Russia's estimate of the guarantees it knows of",
            Terms =
            [
                new Term($"error of the estimate, at most +-{Fmt.Two(estimate.ErrorLogit)} logits (intelligence {Fmt.Two(estimate.Intelligence)})", estimate.ErrorLogit, noise.Tag,
                    $"{noise.Source}; narrowed by: {ctx.Rules[IntelligenceNoiseReduction].Source}"),
                .. estimate.Guarantors.SelectMany(p => new[]
                {
                    new Term($"estimated commitment of {p.Guarantor.DisplayName()} on #{p.AgreementId}", p.Commitment, noise.Tag, "step A seen through Russia's intelligence") { Formula = "C_i" },
                    new Term($"estimated capability behind #{p.AgreementId}", p.Capability, noise.Tag, "step B seen through Russia's intelligence") { Formula = "K_S" },
                }),
            ],
            ThresholdBp = Dice.ToBasisPoints(estimate.Deterrence),
            Outcome = estimate.Guarantors.IsEmpty ? "Russia knows of no guarantee: its estimate of D is 0." : $"Russia estimates D = {Fmt.Two(estimate.Deterrence)}; the debrief shows the true values beside it.",
            Counterfactual = $"with perfect intelligence the error would be +-{Fmt.Two(ctx.Value(PerceptionNoise) * (1 - ctx.Value(IntelligenceNoiseReduction)))} logits",
            VisibleTo = [Role.RU],
        };
    }

    public static ResolutionRecord Outlook(ResolutionContext ctx, RussianOutlookView shown, double resolve, bool asShown)
    {
        var d = shown.Deterrence;
        var options = shown.Options;
        var ceasefire = shown.Hazard is not null;
        var higher = Math.Min(1, d + ctx.Value(ProbeDeterrence));
        var major = RussianOutlook.Utility(higher, ctx.Value(GainMajor) * (ctx.Value(GainResolveBase) + resolve), ctx.Value(CostMajor));
        var best = options.MaxBy(o => o.ExpectedUtility)!.Posture;
        var chosen = ctx.Russia.Posture;
        var why = chosen == best ? "it follows the line"
            : (ctx.Russia.Rearm ? shown.HazardIfRearming : shown.Hazard) is { } h ? $"it departs from the line: the hazard h = {Fmt.Pct1(h)}{(asShown ? " it was shown" : "")} (step D) is the chance each turn that spoilers, hardliners or miscalculation break a ceasefire whatever the line says"
            : "it departs from the line by its players' own choice";
        return Record(ctx, RecordKind.RussianOutlook, "RU") with
        {
            Title = "Russia's expected utility of attacking",
            Subject = "Russia",
            Terms = [.. options.Select(o => o.Posture == RussiaPosture.Comply
                ? ctx.Computed(CeasefireValue, ceasefire ? "Comply: keep the ceasefire" : "Comply: no ceasefire to keep", o.ExpectedUtility)
                : new Term($"{Describe(o.Posture)}: gain if unopposed against the cost of war", o.ExpectedUtility, "DESIGN", "docs/game-model.md step C")
                {
                    Formula = $"(1 - D) {Fmt.One(o.Gain)} - D {Fmt.One(o.CostOfWar)}",
                })],
            Outcome = $"With D as Russia {(asShown ? "perceived it when it gave its orders" : "perceives it")} ({Fmt.Two(d)}), best option: {Describe(best)}; chosen: {Describe(chosen)}: {why}.",
            Counterfactual = $"with D {Fmt.Short(ctx.Value(ProbeDeterrence))} higher, a major offensive's utility would be {Fmt.One(major)}",
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
            Counterfactual = Meaningful(c.Monitoring == Monitoring.None
                ? $"with monitors: {Fmt.Three(h)} -> {Fmt.Three(h * monitors)}"
                : $"without monitors: {Fmt.Three(h)} -> {Fmt.Three(h * (1 / monitors))}"),
            VisibleTo = [Role.RU],
        };
    }

    /// <summary>
    /// Russia's eyes (and the facilitator's) only: its chance is h times the pressure, and h moves with Russia's secret
    /// orders and hidden quantities. Everyone reads a collapse in the ceasefire's status.
    /// </summary>
    public static ResolutionRecord Spoiler(ResolutionContext ctx, int ceasefireId, double h, double pressure, double p, Roll roll) =>
        Rolled(ctx, RecordKind.Spoiler, roll, "Spoiler attack", $"ceasefire #{ceasefireId}",
            [new Term("ceasefire hazard", h, "D", "step D") { Formula = "h" }, new Term("spoiler pressure (inject)", pressure, "INJECT", "facilitator or event deck")],
            roll.Success ? "Spoilers wreck the ceasefire: it collapses." : "The ceasefire survives the spoilers.", null,
            $"without the spoiler pressure the chance would be 0% instead of {Fmt.Pct(p)}", [Role.RU]);

    public static ResolutionRecord Incident(ResolutionContext ctx, int ceasefireId, Roll roll) =>
        Rolled(ctx, RecordKind.Incident, roll, "Minor incident", $"ceasefire #{ceasefireId}",
            [ctx.Term(MinorIncident, "chance of an incident (monitors do not reduce it)", formula: "P(incident)")],
            roll.Success ? "An incident along the line." : "A quiet turn along the line.", null,
            "monitors would not change this chance, only whether the incident is attributed");

    public static ResolutionRecord Attribution(ResolutionContext ctx, int ceasefireId, Monitoring monitoring, RuleKey used, Role violator, Roll roll) =>
        Rolled(ctx, RecordKind.Attribution, roll, "Attribution of the incident", $"ceasefire #{ceasefireId}",
            [ctx.Term(used, "chance the incident is attributed", formula: "P(attribution)")],
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

    public static ResolutionRecord CongressBlocks(ResolutionContext ctx, Agreement agreement, RuleKey key, Roll roll) =>
        Rolled(ctx, RecordKind.CongressBlocks, roll, "Congress and the War Powers Resolution", $"United States on guarantee #{agreement.Id}",
            [ctx.Term(key, key == RuleKey.CongressBlocks ? "chance Congress blocks, under an executive agreement" : "chance Congress blocks, under a verbal memorandum (no authorisation at all)", formula: "P(Congress blocks)")],
            roll.Success ? "Congress blocks fighting: the response falls back to limited support." : "Congress does not block: US forces may fight.",
            null, "as a ratified treaty or congressional-executive agreement, Congress has already authorised: no roll",
            visibleTo: EventAudience(agreement));

    public static ResolutionRecord Denial(ResolutionContext ctx, World world, Agreement agreement, IReadOnlyList<Role> fighting, double k, ImmutableArray<Term> terms, double lost, Roll roll)
    {
        var arms = agreement.Guarantee!.ArmsAndIntelligence;
        var present = fighting.Any(r => world[r].Troops > 0);
        var counterfactual = fighting.Contains(Role.US)
            ? $"with Europe fighting too: {Fmt.Pct(k)} -> {Fmt.Pct(Deterrence.CapabilityValue(world, ctx.Rules, [Role.US, Role.EU], arms))}"
            : $"with the United States fighting too: {Fmt.Pct(k)} -> {Fmt.Pct(Deterrence.CapabilityValue(world, ctx.Rules, [.. fighting, Role.US], arms))}";
        return Rolled(ctx, RecordKind.Denial, roll, "Deny Russia its objective", $"guarantee #{agreement.Id}, fighting: {Names(fighting)}", terms,
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
            Subject = $"guarantee #{agreement.Id} ({Names(g.Guarantors)})",
            Terms = [new Term("territory lost this turn (%)", lost, "E", "offensive roll")],
            Outcome = $"The {(major ? "major" : "limited")} offensive touches Ukraine: {string.Join(" and ", g.Guarantors.Select(r => r.DisplayName()))} must answer in next turn's orders (fight / limited / sanctions and arms / nothing).",
            Precedent = withoutForces ? Text(Precedent.MemorandumWithoutForces) : tripwireShrunk ? Text(Precedent.KoreaTripwireShrunk) : null,
            Counterfactual = withoutForces
                ? $"with a tripwire of {Fmt.Int((int)ctx.Value(ProbeTripwireTroops))} troops, T_i would add {Fmt.Two(Deterrence.Tripwire(ctx.Rules, (int)ctx.Value(ProbeTripwireTroops)))} to each guarantor's commitment logit"
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
            Outcome = $"Honoured ({Describe(response)}): reputation {Fmt.Two(rep)} -> {Fmt.Two(rep + gain)}.",
            Counterfactual = $"backing down would have cost {Fmt.Two(ReputationStep.LossOnRenege(ctx, rep))} reputation and audience costs",
        };

    public static ResolutionRecord BackedDown(ResolutionContext ctx, int agreementId, Role guarantor, TestResponse response, ImmutableArray<Term> terms,
        double rep, double loss, double spread, double audienceCost, Precedent? precedent) =>
        Reputation(ctx, agreementId, guarantor, terms) with
        {
            Outcome = $"Backed down ({Describe(response)}): reputation {Fmt.Two(rep)} -> {Fmt.Two(rep - loss)}; {Fmt.Two(spread)} off its other guarantees; audience cost {Fmt.One(audienceCost)} points.",
            Precedent = precedent is { } p ? Text(p) : null,
            Counterfactual = $"honouring would have raised reputation to {Fmt.Two(rep + ReputationStep.GainOnHonour(ctx, rep))}",
        };

    public static RoleScoreLine Honoured(ResolutionContext ctx, Role guarantor, int agreementId, TestResponse response, double gain) =>
        ScoreLine(guarantor, ScoreObjective.Reputation, ctx.Value(RuleKey.ScoreReputation) * gain, $"honoured guarantee #{agreementId} ({Describe(response)}, step F)");

    public static RoleScoreLine AudienceCost(ResolutionContext ctx, Role guarantor, int agreementId, double audienceCost) =>
        ScoreLine(guarantor, ScoreObjective.AudienceCosts, -audienceCost, $"backed down on guarantee #{agreementId}: audience cost {Fmt.One(audienceCost)} (step F)");

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
            // The largest line is what happened, not a "what if": it leads the outcome instead.
            Outcome = largest is null
                ? $"{Fmt.One(turnScore)} points this turn, {Fmt.One(total)} in all."
                : $"{Fmt.One(turnScore)} points this turn, {Fmt.One(total)} in all; the largest line was {largest.Objective} ({Fmt.One(largest.Points)}).",
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

        public static string Deterrence(double d, double goal) => $"deterrence {Fmt.Two(d)} (goal {Fmt.Short(goal)}, step C)";

        public static string Territory(double from, double to) => $"territory {Fmt.One(from)}% -> {Fmt.One(to)}% (step E)";

        public static string WesternTroops(int troops) => $"{Fmt.Int(troops)} Western troops in Ukraine";

        public static string Sanctions(int level) => $"sanctions pressure {level}";

        public static string TroopsDeployed(int troops) => $"{Fmt.Int(troops)} troops deployed";

        public static string Reputation(double rep) => $"reputation {Fmt.Two(rep)} (step F)";

        public static string Minerals(bool atPeace) => atPeace ? "minerals deal in force and the ceasefire holds" : "minerals deal in force, but war disrupts it";

        public static string EuropeanSecurity(double d, bool ceasefire) => $"deterrence {Fmt.Two(d)}; ceasefire {(ceasefire ? "holds" : "absent")}";

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

    private static string Describe(TestResponse response) => response switch
    {
        TestResponse.Fight => "its forces fight",
        TestResponse.Limited => "limited support",
        TestResponse.SanctionsAndArms => "sanctions and arms",
        _ => "nothing",
    };

    private static string Names(IEnumerable<Role> roles) => string.Join(", ", roles.Select(r => r.DisplayName()));

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

    /// <summary>What a roll at or under the threshold means, for each rolled kind of record.</summary>
    private static string RollMeans(RecordKind kind) => kind switch
    {
        RecordKind.Ratification => "the Senate to ratify",
        RecordKind.Spoiler => "spoilers to wreck the ceasefire",
        RecordKind.Incident => "an incident along the line",
        RecordKind.Attribution => "the incident to be attributed",
        RecordKind.CongressBlocks => "Congress to block the use of force",
        RecordKind.Denial => "the guarantors to deny Russia its objective",
        RecordKind.Offensive => "Russia to break through",
        RecordKind.Rally => "the public to rally",
        RecordKind.CounterAttack => "the counter-attack to succeed",
        RecordKind.Reversal => "a domestic reversal",
        _ => "it to happen",
    };

    /// <summary>"Needed ≤ 2,161 of 10,000 for Russia to break through; rolled 8,880 (it did not)." The roll's direction in words.</summary>
    public static string RollReading(RecordKind kind, int thresholdBp, int roll) =>
        $"Needed ≤ {Fmt.Int(thresholdBp)} of 10,000 for {RollMeans(kind)}; rolled {Fmt.Int(roll)}{(roll <= thresholdBp ? "" : " (so it did not happen)")}.";

    /// <summary>A counterfactual that says something: a "what if" whose number does not change ("1.0% -> 1.0%") is dropped.</summary>
    public static string Meaningful(string counterfactual)
    {
        foreach (System.Text.RegularExpressions.Match m in VacuousChange().Matches(counterfactual))
        {
            if (m.Groups[1].Value == m.Groups[2].Value)
                return "";
        }
        return counterfactual;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(-?[0-9][0-9.,]*%?) -> (-?[0-9][0-9.,]*%?)")]
    private static partial System.Text.RegularExpressions.Regex VacuousChange();

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
            Outcome = $"{outcome} {RollReading(kind, roll.ThresholdBp, roll.Value)}",
            Precedent = precedent is { } p ? Text(p) : null,
            Counterfactual = Meaningful(counterfactual),
            VisibleTo = visibleTo.IsDefault ? [] : visibleTo,
            Adjustment = roll.Adjustment?.Logit,
            AdjustmentReason = roll.Adjustment?.Reason,
        };
}
