using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Adjudication;

/// <summary>A facilitator's shift of one roll: at most ±0.5 logit, with its reason.</summary>
internal sealed record Adjustment(double Logit, string Reason);

/// <summary>
/// Resolves one turn in the fixed order of game-model.md: orders take effect, then A commitment,
/// B capability, C credibility and deterrence, D ceasefire hazard and violations, E tests of guarantees,
/// F reputation and audience costs, G domestic reversal, H scores. Pure: same inputs, same outcome.
/// </summary>
internal sealed class TurnResolver
{
    private readonly RulesTable _rules;
    private readonly ulong _seed;
    private readonly int _turn;
    private readonly IReadOnlyDictionary<string, Adjustment> _adjustments;
    private readonly ImmutableSortedDictionary<Role, Orders> _orders;
    private readonly ImmutableArray<ResolutionRecord>.Builder _records = ImmutableArray.CreateBuilder<ResolutionRecord>();
    private readonly ImmutableArray<TestOutcome>.Builder _tests = ImmutableArray.CreateBuilder<TestOutcome>();
    private readonly Dictionary<Role, List<ScoreLine>> _score = RoleSet.All.ToDictionary(r => r, _ => new List<ScoreLine>());
    private World _world;
    private readonly World _start;
    private bool _collapsed;
    private bool _usFought;
    private readonly ImmutableHashSet<Role> _exitPressureBefore;

    private TurnResolver(GameState state, ImmutableSortedDictionary<Role, Orders> orders, IReadOnlyDictionary<string, Adjustment> adjustments)
    {
        _rules = state.Constants;
        _seed = state.Seed;
        _turn = state.Turn;
        _orders = orders;
        _adjustments = adjustments;
        _world = state.World;
        _start = state.World;
        _exitPressureBefore = [.. state.World.Positions.Where(p => p.Value.ExitPressure).Select(p => p.Key)];
    }

    public static IReadOnlyDictionary<string, Adjustment> NoAdjustments { get; } = new Dictionary<string, Adjustment>();

    public static (TurnOutcome Outcome, World World) Resolve(GameState state, ImmutableSortedDictionary<Role, Orders> orders, IReadOnlyDictionary<string, Adjustment> adjustments)
    {
        var resolver = new TurnResolver(state, orders, adjustments);
        return resolver.Run();
    }

    private RussiaOrders Russia => (RussiaOrders)_orders[Role.RU];
    private UkraineOrders Ukraine => (UkraineOrders)_orders[Role.UA];
    private GuarantorOrders Guarantor(Role role) => (GuarantorOrders)_orders[role];

    private (TurnOutcome, World) Run()
    {
        // Rally and exit pressure last from the casualties until the next resolution.
        _world = _world with { Positions = _world.Positions.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value with { Rallied = false, ExitPressure = false }) };
        ApplyOrders();
        Ratification();
        var assessment = Deterrence.Assess(_world, _rules);
        CommitmentAndCapability(assessment);
        var hazard = Ceasefire(assessment);
        var answered = ResolvePendingTests();
        Attacks();
        foreach (var (agreement, test, response, honoured) in answered)
            Reputation(agreement, test, response, honoured);
        Reversals();
        Expiry();
        var scores = Scores(assessment.Deterrence);

        _world = _world with
        {
            SpoilerPressure = 0,
            CeasefireEverCollapsed = _world.CeasefireEverCollapsed || _collapsed,
            Positions = _world.Positions.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value with { TroopsLastTurn = kv.Value.Troops }),
        };
        var metrics = new TurnMetrics
        {
            Turn = _turn,
            Credibility = [.. assessment.Guarantors.Select(a => new CredibilityPoint(a.AgreementId, a.Guarantor, a.Commitment, a.Capability, a.Credibility))],
            Deterrence = assessment.Deterrence,
            Hazard = hazard,
            Territory = _world.Territory,
            Scores = _world.Scores,
            Reputation = RoleSet.All.Where(r => r.IsGuarantor()).ToImmutableSortedDictionary(r => r, r => _world[r].Reputation),
        };
        var records = _records.ToImmutable();
        var outcome = new TurnOutcome
        {
            Turn = _turn,
            Records = records,
            Lines = [.. records.Where(r => r.VisibleTo.IsEmpty).Select(r => $"{r.Step}. {r.Title} ({r.Subject}): {r.Outcome}")],
            Scores = scores,
            Metrics = metrics,
            Tests = _tests.ToImmutable(),
            CeasefireCollapsed = _collapsed,
        };
        return (outcome, _world);
    }

    // Orders take effect

    private void ApplyOrders()
    {
        var ru = Russia;
        if (ru.Rearm)
        {
            var p = _world[Role.RU];
            var troops = (int)Math.Round(p.Troops * (1 + _rules.Value(RuleKey.RearmShare)));
            Set(Role.RU, p with { Troops = troops, Hidden = p.Hidden.SetItem("rearmament", p.Q("rearmament") + 1) });
        }
        if (ru.SanctionsEvasion)
            _world = _world with { Sanctions = Math.Max(0, _world.Sanctions - 1) };

        var ua = Ukraine;
        var pua = _world[Role.UA];
        if (ua.Mobilise)
            pua = pua with
            {
                Troops = (int)Math.Min(Effects.MaxTroops, pua.Troops + _rules.Value(RuleKey.MobiliseTroops)),
                Hidden = pua.Hidden.SetItem("morale", Math.Max(0, pua.Q("morale") - 0.05)).SetItem("readiness", Math.Max(0, pua.Q("readiness") - 0.03)),
            };
        if (ua.Posture == UkrainePosture.Fortify)
            pua = pua with { Hidden = pua.Hidden.SetItem("readiness", Math.Min(1, pua.Q("readiness") + 0.05)) };
        Set(Role.UA, pua);

        foreach (var role in new[] { Role.US, Role.EU })
        {
            var o = Guarantor(role);
            var p = _world[role];
            var cap = role == Role.EU ? (int)p.Q("forceAvailability") : TermsCheck.MaxTripwireTroops;
            var troops = Math.Clamp(p.Troops + o.TroopChange, 0, Math.Max(cap, p.Troops));
            p = p with { Troops = troops, Location = troops > 0 && o.TroopChange > 0 ? o.TroopLocation : p.Location };
            if (o.ArmsAndIntelligence)
            {
                var ukr = _world[Role.UA];
                Set(Role.UA, ukr with { Hidden = ukr.Hidden.SetItem("readiness", Math.Min(1, ukr.Q("readiness") + 0.03)) });
            }
            if (o.RaiseSpending && role == Role.EU && p.Q("spendingHeadroom") >= 0.1)
                p = p with { Hidden = p.Hidden.SetItem("forceAvailability", p.Q("forceAvailability") + 5000).SetItem("spendingHeadroom", Math.Round(p.Q("spendingHeadroom") - 0.1, 6)) };
            Set(role, p);
            var sanctions = o.Sanctions switch { SanctionsChange.Up => 1, SanctionsChange.Down => -1, _ => 0 };
            _world = _world with { Sanctions = Math.Clamp(_world.Sanctions + sanctions, 0, 10) };
        }

        // A guarantor below the tripwire it promised breaches its guarantee (detected, not declared).
        foreach (var agreement in _world.GuaranteesInForce.ToArray())
        {
            foreach (var tripwire in agreement.Guarantee!.Tripwires.Where(t => agreement.SignedTurn < _turn))
            {
                var troops = _world[tripwire.Guarantor].Troops;
                if (troops >= tripwire.Troops)
                    continue;
                Replace(agreement.Id, a => a with { Breaches = a.Breaches + 1, Violators = AddRole(a.Violators, tripwire.Guarantor) });
                Add(new ResolutionRecord
                {
                    Id = Id("E", "tripwire-shortfall", $"{tripwire.Guarantor}-g{agreement.Id}"),
                    Turn = _turn,
                    Step = "E",
                    Title = "Tripwire shortfall",
                    Subject = $"{tripwire.Guarantor.DisplayName()} on guarantee #{agreement.Id}",
                    Terms = [new Term("troops promised", tripwire.Troops, "AGREEMENT", $"guarantee #{agreement.Id}"), new Term("troops deployed", troops, "ORDERS", "order of battle")],
                    Outcome = $"Breach detected: {Fmt.Int(troops)} troops against {Fmt.Int(tripwire.Troops)} promised.",
                    Precedent = "Korea 1950: a tripwire shrunk before the test",
                    Counterfactual = $"with the {Fmt.Int(tripwire.Troops)} troops promised in place, T_i would be {Fmt.Two(_rules.Value(RuleKey.TripwireCoefficient) * Math.Log(1 + tripwire.Troops / 1000.0))} instead of {Fmt.Two(_rules.Value(RuleKey.TripwireCoefficient) * Math.Log(1 + troops / 1000.0))}",
                });
            }
        }
    }

    private void Ratification()
    {
        if (!Guarantor(Role.US).SeekRatification)
            return;
        foreach (var agreement in _world.Agreements.Where(a => a.Status == AgreementStatus.AwaitingRatification).ToArray())
        {
            var mood = _world[Role.US].Q("congressMood");
            var b = _rules[RuleKey.RatificationBase];
            var w = _rules[RuleKey.RatificationCongressWeight];
            var p = b.Value + w.Value * mood;
            var id = Id("A", "ratification", $"g{agreement.Id}");
            var (success, bp, roll) = Check(id, "ratification", $"g{agreement.Id}", p);
            if (success)
                Replace(agreement.Id, a => a with { Status = AgreementStatus.InForce, StatusReason = $"Ratified by the US Senate in turn {_turn}." });
            Add(new ResolutionRecord
            {
                Id = id,
                Turn = _turn,
                Step = "A",
                Title = "Senate ratification",
                Subject = $"guarantee #{agreement.Id}",
                Terms = [new Term("base", b.Value, b.Tag, b.Source), new Term($"{Fmt.Two(w.Value)} x Congress mood {Fmt.Two(mood)}", w.Value * mood, w.Tag, w.Source)],
                ThresholdBp = bp,
                Roll = roll,
                Outcome = success ? "Ratified: the treaty enters into force." : "Not ratified this turn; the treaty is signed but not in force.",
                Counterfactual = $"with Congress mood {Fmt.Two(Math.Min(1, mood + 0.2))}: {Fmt.Pct(p)} -> {Fmt.Pct(b.Value + w.Value * Math.Min(1, mood + 0.2))}",
                VisibleTo = [Role.US],
                Adjustment = Adjusted(id)?.Logit,
                AdjustmentReason = Adjusted(id)?.Reason,
            });
        }
    }

    // A–C

    private void CommitmentAndCapability(Assessment assessment)
    {
        foreach (var group in assessment.Guarantors.GroupBy(a => a.AgreementId))
        {
            var agreement = _world.Agreements.First(a => a.Id == group.Key);
            foreach (var a in group)
            {
                var altForm = agreement.Form == LegalForm.RatifiedTreaty ? LegalForm.Verbal : LegalForm.RatifiedTreaty;
                var alt = Deterrence.CommitmentValue(_world, _rules, agreement, a.Guarantor, altForm);
                Add(new ResolutionRecord
                {
                    Id = Id("A", "commitment", $"{a.Guarantor}-g{a.AgreementId}"),
                    Turn = _turn,
                    Step = "A",
                    Title = "Commitment",
                    Subject = $"{a.Guarantor.DisplayName()} on guarantee #{a.AgreementId}",
                    Terms = a.CommitmentTerms,
                    ThresholdBp = Dice.ToBasisPoints(a.Commitment),
                    Outcome = $"C = s({Fmt.Two(a.CommitmentTerms.Sum(t => t.Value))}) = {Fmt.Two(a.Commitment)}",
                    Counterfactual = $"as a {Describe(altForm)}: {Fmt.Pct(a.Commitment)} -> {Fmt.Pct(alt)}",
                });
            }
            var first = group.First();
            var guarantors = agreement.Guarantee!.Guarantors;
            var altSet = guarantors.Contains(Role.US) ? guarantors.Remove(Role.US) : guarantors.Add(Role.US);
            var altK = altSet.IsEmpty ? 0.0 : Deterrence.CapabilityValue(_world, _rules, altSet, agreement.Guarantee.ArmsAndIntelligence);
            Add(new ResolutionRecord
            {
                Id = Id("B", "capability", $"g{first.AgreementId}"),
                Turn = _turn,
                Step = "B",
                Title = "Capability",
                Subject = $"guarantors of #{first.AgreementId}: {string.Join(", ", guarantors)}",
                Terms = first.CapabilityTerms,
                ThresholdBp = Dice.ToBasisPoints(first.Capability),
                Outcome = $"K_S = {Fmt.Two(first.Capability)}",
                Counterfactual = guarantors.Contains(Role.US)
                    ? $"without the United States: {Fmt.Pct(first.Capability)} -> {Fmt.Pct(altK)}"
                    : $"with the United States in S: {Fmt.Pct(first.Capability)} -> {Fmt.Pct(altK)}",
            });
            foreach (var a in group)
            {
                Add(new ResolutionRecord
                {
                    Id = Id("C", "credibility", $"{a.Guarantor}-g{a.AgreementId}"),
                    Turn = _turn,
                    Step = "C",
                    Title = "Credibility",
                    Subject = $"{a.Guarantor.DisplayName()} on guarantee #{a.AgreementId}",
                    Terms = [new Term("C_i", a.Commitment, "A", "step A"), new Term("K_S", a.Capability, "B", "step B")],
                    ThresholdBp = Dice.ToBasisPoints(a.Credibility),
                    Outcome = $"Cred = sqrt(C K) = {Fmt.Two(a.Credibility)}",
                    Precedent = agreement.Form == LegalForm.Verbal && _world[a.Guarantor].Troops == 0 ? "Budapest 1994: a memorandum without forces" : null,
                    Counterfactual = $"with full commitment (C = 1): {Fmt.Pct(a.Credibility)} -> {Fmt.Pct(Math.Sqrt(a.Capability))}; high resolve cannot offset low capability",
                });
            }
        }
        var d = assessment.Deterrence;
        Add(new ResolutionRecord
        {
            Id = Id("C", "deterrence", "all"),
            Turn = _turn,
            Step = "C",
            Title = "Deterrence",
            Subject = "all guarantees in force",
            Terms = [.. assessment.Guarantors.GroupBy(a => a.Guarantor).Select(g => new Term($"best Cred of {g.Key}", g.Max(a => a.Credibility), "C", "step C"))],
            ThresholdBp = Dice.ToBasisPoints(d),
            Outcome = assessment.Guarantors.IsEmpty ? "D = 0: no guarantee is in force." : $"D = 1 - prod(1 - Cred_i) = {Fmt.Two(d)}",
            Counterfactual = d >= 0.6 ? $"D {Fmt.Two(d)} meets Ukraine's 0.6 goal" : $"D {Fmt.Two(d)} falls short of Ukraine's 0.6 goal by {Fmt.Two(0.6 - d)}",
        });
        var resolve = _world[Role.RU].Q("resolve");
        var options = RussianOutlook.Options(d, resolve, _rules);
        Add(new ResolutionRecord
        {
            Id = Id("C", "russian-outlook", "RU"),
            Turn = _turn,
            Step = "C",
            Title = "Russia's expected utility of attacking",
            Subject = "Russia",
            Terms = [.. options.Select(o => new Term($"{o.Posture}: (1 - D) {Fmt.One(o.Gain)} - D {Fmt.One(o.CostOfWar)}", o.ExpectedUtility, "DESIGN", "game-model.md step C"))],
            Outcome = $"Best option: {options.MaxBy(o => o.ExpectedUtility)!.Posture}; chosen: {Russia.Posture}.",
            Counterfactual = $"with D 0.2 higher, a major offensive's utility would be {Fmt.One(RussianOutlook.Utility(Math.Min(1, d + 0.2), _rules.Value(RuleKey.GainMajor) * (0.5 + resolve), _rules.Value(RuleKey.CostMajor)))}",
            VisibleTo = [Role.RU],
        });
    }

    // D

    private double? Ceasefire(Assessment assessment)
    {
        if (_world.Ceasefire is not { } ceasefire)
            return null;
        var c = (CeasefireTerms)ceasefire.Terms;
        var (h, terms) = Deterrence.Hazard(_world, _rules, assessment.Deterrence, Russia.Rearm);
        var hrMonitors = c.Monitoring == Monitoring.None ? _rules.Value(RuleKey.HrMonitors) : 1 / _rules.Value(RuleKey.HrMonitors);
        Add(new ResolutionRecord
        {
            Id = Id("D", "hazard", $"c{ceasefire.Id}"),
            Turn = _turn,
            Step = "D",
            Title = "Ceasefire hazard",
            Subject = $"ceasefire #{ceasefire.Id}",
            Terms = terms,
            ThresholdBp = Dice.ToBasisPoints(h),
            Outcome = $"h = {Fmt.Three(h)} this turn (a human Russia chooses; bot Russia and spoilers roll against it).",
            Counterfactual = c.Monitoring == Monitoring.None ? $"with monitors: {Fmt.Three(h)} -> {Fmt.Three(h * hrMonitors)}" : $"without monitors: {Fmt.Three(h)} -> {Fmt.Three(h * hrMonitors)}",
            VisibleTo = [Role.RU],
        });

        if (_world.SpoilerPressure > 0)
        {
            var p = Math.Min(1, h * _world.SpoilerPressure);
            var id = Id("D", "spoiler", $"c{ceasefire.Id}");
            var (collapse, bp, roll) = Check(id, "spoiler", $"c{ceasefire.Id}", p);
            AddRolled(id, "D", "Spoiler attack", $"ceasefire #{ceasefire.Id}",
                [new Term("hazard h", h, "D", "step D"), new Term("spoiler pressure (inject)", _world.SpoilerPressure, "INJECT", "facilitator or event deck")],
                bp, roll, collapse ? "Spoilers wreck the ceasefire: it collapses." : "The ceasefire survives the spoilers.", null,
                $"without the spoiler pressure the chance would be 0% instead of {Fmt.Pct(p)}");
            if (collapse)
                Collapse(ceasefire.Id, null, "collapsed after a spoiler attack");
        }

        // Minor incidents happen whatever the monitors do; monitors make attribution likely (CSIS 2025).
        var incidentId = Id("D", "incident", $"c{ceasefire.Id}");
        var (incident, ibp, iroll) = Check(incidentId, "incident", $"c{ceasefire.Id}", _rules.Value(RuleKey.MinorIncident));
        AddRolled(incidentId, "D", "Minor incident", $"ceasefire #{ceasefire.Id}",
            [Deterrence.FromRule(_rules, RuleKey.MinorIncident, "P(incident), monitors do not reduce it")], ibp, iroll,
            incident ? "An incident along the line." : "A quiet turn along the line.", null,
            "monitors would not change this chance, only whether the incident is attributed");
        if (incident)
        {
            var key = c.Monitoring == Monitoring.None ? RuleKey.AttributionWithoutMonitors : RuleKey.AttributionWithMonitors;
            var attributionId = Id("D", "attribution", $"c{ceasefire.Id}");
            var (attributed, abp, aroll) = Check(attributionId, "attribution", $"c{ceasefire.Id}", _rules.Value(key));
            var violator = Dice.Roll(_seed, _turn, "incident-violator", $"c{ceasefire.Id}") <= 6000 ? Role.RU : Role.UA;
            if (attributed)
            {
                Replace(ceasefire.Id, a => a with { Breaches = a.Breaches + 1, Violators = AddRole(a.Violators, violator) });
                Score(violator, "ceasefire conduct", -2, "a minor incident was attributed to you (step D)");
            }
            AddRolled(attributionId, "D", "Attribution of the incident", $"ceasefire #{ceasefire.Id}",
                [Deterrence.FromRule(_rules, key, "P(attribution)")],
                abp, aroll, attributed ? $"The incident is attributed to {violator.DisplayName()}." : "Nobody can say who started it.",
                null, c.Monitoring == Monitoring.None ? $"with monitors, attribution {Fmt.Pct(_rules.Value(key))} -> {Fmt.Pct(_rules.Value(RuleKey.AttributionWithMonitors))}" : $"without monitors, attribution {Fmt.Pct(_rules.Value(key))} -> {Fmt.Pct(_rules.Value(RuleKey.AttributionWithoutMonitors))}");
        }

        // Violations are detected from the orders, not declared.
        if (_world.Ceasefire is { } standing)
        {
            switch (Russia.Posture)
            {
                case RussiaPosture.Probe:
                    Replace(standing.Id, a => a with { Breaches = a.Breaches + 1, Violators = AddRole(a.Violators, Role.RU) });
                    Violation(standing.Id, "Grey-zone probe", Role.RU, "Breach detected: Russia's grey-zone probe violates the ceasefire; it still holds.");
                    break;
                case RussiaPosture.LimitedOffensive or RussiaPosture.MajorOffensive:
                    Violation(standing.Id, "Offensive", Role.RU, $"Violation detected: Russia's {Describe(Russia.Posture)} breaks the ceasefire.");
                    Collapse(standing.Id, Role.RU, $"violated by Russia's {Describe(Russia.Posture)}");
                    break;
            }
        }
        if (_world.Ceasefire is { } still && Ukraine.Posture == UkrainePosture.CounterAttack)
        {
            Violation(still.Id, "Counter-attack", Role.UA, "Violation detected: Ukraine's counter-attack breaks the ceasefire.");
            Collapse(still.Id, Role.UA, "violated by Ukraine's counter-attack");
        }
        if (_world.Ceasefire is { Terms: CeasefireTerms { UaForceCapThousands: { } cap } } capped && _world[Role.UA].Troops > cap * 1000)
        {
            Replace(capped.Id, a => a with { Breaches = a.Breaches + 1, Violators = AddRole(a.Violators, Role.UA) });
            Violation(capped.Id, "Force cap", Role.UA, $"Breach detected: Ukraine's {Fmt.Int(_world[Role.UA].Troops)} troops exceed the cap of {Fmt.Int(cap * 1000)}.");
        }
        return h;
    }

    private void Violation(int agreementId, string title, Role violator, string outcome) => Add(new ResolutionRecord
    {
        Id = Id("D", "violation-" + title.ToLowerInvariant().Replace(' ', '-'), $"{violator}-c{agreementId}"),
        Turn = _turn,
        Step = "D",
        Title = $"Violation check: {title}",
        Subject = $"ceasefire #{agreementId}",
        Terms = [new Term("orders", 1, "ORDERS", $"{violator.DisplayName()}'s orders this turn")],
        Outcome = outcome,
        Counterfactual = "had the orders complied, the ceasefire would have held this turn",
    });

    private void Collapse(int agreementId, Role? violator, string reason)
    {
        _collapsed = true;
        Replace(agreementId, a => a with
        {
            Status = AgreementStatus.Violated,
            StatusReason = $"Turn {_turn}: {reason}.",
            Violators = violator is { } v ? AddRole(a.Violators, v) : a.Violators,
        });
        Score(Role.UA, "ceasefire holds", -5, "the ceasefire collapsed (step D)");
        if (violator is { } who)
            Score(who, "ceasefire conduct", -3, "you broke the ceasefire (step D)");
    }

    // E (tests answered now) and F (reputation and audience costs)

    /// <summary>Step E for tests from last turn: the responses, Congress and the denial roll; step F follows the new attacks.</summary>
    private List<(Agreement Agreement, PendingTest Test, TestResponse Response, bool Honoured)> ResolvePendingTests()
    {
        var answered = new List<(Agreement, PendingTest, TestResponse, bool)>();
        foreach (var group in _world.PendingTests.GroupBy(t => t.AgreementId).ToArray())
        {
            var agreement = _world.Agreements.First(a => a.Id == group.Key);
            var fightingHere = new List<Role>();
            foreach (var test in group)
            {
                var response = Guarantor(test.Guarantor).Response ?? TestResponse.Nothing;
                var terms = ImmutableArray.CreateBuilder<Term>();
                terms.Add(new Term($"response ordered: {response}", (int)response, "ORDERS", $"{test.Guarantor.DisplayName()}'s orders"));
                if (response == TestResponse.Fight && test.Guarantor == Role.US && agreement.Form == LegalForm.ExecutiveAgreement)
                {
                    var id = Id("E", "congress", $"g{agreement.Id}");
                    var (blocked, bp, roll) = Check(id, "congress-blocks", $"g{agreement.Id}", _rules.Value(RuleKey.CongressBlocks));
                    AddRolled(id, "E", "Congress blocks the use of force", $"United States on guarantee #{agreement.Id}",
                        [Deterrence.FromRule(_rules, RuleKey.CongressBlocks, "P(Congress blocks) under an executive agreement")], bp, roll,
                        blocked ? "Congress blocks fighting: the response falls back to limited support." : "Congress does not block: US forces may fight.",
                        null, "as a ratified treaty there would be no Congress-blocks roll");
                    if (blocked)
                        response = TestResponse.Limited;
                }
                var honoured = response is TestResponse.Fight or TestResponse.Limited;
                if (response == TestResponse.Fight)
                {
                    fightingHere.Add(test.Guarantor);
                    if (test.Guarantor == Role.US)
                        _usFought = true;
                }
                _tests.Add(new TestOutcome(agreement.Id, test.Guarantor, response.ToString(), honoured));
                answered.Add((agreement, test, response, honoured));
            }

            if (fightingHere.Count > 0)
            {
                var (k, kterms) = Deterrence.Capability(_world, _rules, fightingHere, agreement.Guarantee!.ArmsAndIntelligence);
                var id = Id("E", "denial", $"g{agreement.Id}");
                var (denied, bp, roll) = Check(id, "denial", $"g{agreement.Id}", k);
                var lost = group.Max(t => t.TerritoryLost);
                if (denied)
                    _world = _world with { Territory = Math.Min(100, _world.Territory + lost) };
                var present = fightingHere.Any(r => _world[r].Troops > 0);
                var altK = Deterrence.CapabilityValue(_world, _rules, fightingHere.Contains(Role.US) ? fightingHere : [.. fightingHere, Role.US], agreement.Guarantee.ArmsAndIntelligence);
                AddRolled(id, "E", "Deny Russia its objective", $"guarantee #{agreement.Id}, fighting: {string.Join(", ", fightingHere)}", kterms, bp, roll,
                    denied ? $"Russia is denied its objective: {Fmt.One(lost)}% of territory is retaken." : "Russia keeps its gains despite the guarantors' fight.",
                    denied ? "West Berlin 1948–49: a commitment made good" : present ? "Srebrenica 1995: forces present but defeated" : null,
                    fightingHere.Contains(Role.US) ? $"with Europe fighting too: {Fmt.Pct(k)} -> {Fmt.Pct(Deterrence.CapabilityValue(_world, _rules, [Role.US, Role.EU], agreement.Guarantee.ArmsAndIntelligence))}" : $"with the United States fighting too: {Fmt.Pct(k)} -> {Fmt.Pct(altK)}");
            }
        }
        _world = _world with { PendingTests = [] };
        return answered;
    }

    private void Reputation(Agreement agreement, PendingTest test, TestResponse response, bool honoured)
    {
        var current = _world.Agreements.First(a => a.Id == agreement.Id);
        var rep = current.Reputation.TryGetValue(test.Guarantor, out var r) ? r : _world[test.Guarantor].Reputation;
        var position = _world[test.Guarantor];
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(new Term("reputation on this guarantee", rep, "F", "step F"));
        string outcome;
        string? precedent = null;
        string counterfactual;
        if (honoured)
        {
            var gain = _rules.Value(RuleKey.HonourGain) * (1 - rep);
            terms.Add(Deterrence.FromRule(_rules, RuleKey.HonourGain, "honour: Rep += c (1 - Rep)"));
            Replace(agreement.Id, a => a with
            {
                Status = a.IsInForce ? AgreementStatus.Tested : a.Status,
                StatusReason = $"Turn {_turn}: tested and honoured by {test.Guarantor.DisplayName()} ({response}).",
                Reputation = a.Reputation.SetItem(test.Guarantor, rep + gain),
            });
            Set(test.Guarantor, position with { Reputation = Math.Min(1, position.Reputation + gain) });
            Score(test.Guarantor, "reputation", 10 * gain, $"honoured guarantee #{agreement.Id} ({response}, step F)");
            outcome = $"Honoured ({response}): reputation {Fmt.Two(rep)} -> {Fmt.Two(rep + gain)}.";
            counterfactual = $"backing down would have cost {Fmt.Two(_rules.Value(RuleKey.RenegeLoss) * rep)} reputation and audience costs";
        }
        else
        {
            var loss = _rules.Value(RuleKey.RenegeLoss) * rep;
            var spread = _rules.Value(RuleKey.RenegeSpread) * loss;
            var form = Deterrence.FromRule(_rules, Deterrence.FormKey(current.Form), $"L_form ({current.Form})");
            var publicness = current.Guarantee!.AmbiguityClause ? 0.5 : 1.0;
            var ac = _rules.Value(RuleKey.AudienceCostScale) * publicness * (1 + form.Value);
            terms.Add(Deterrence.FromRule(_rules, RuleKey.RenegeLoss, "renege: Rep -= c Rep"));
            terms.Add(Deterrence.FromRule(_rules, RuleKey.RenegeSpread, "share spread to other guarantees"));
            terms.Add(Deterrence.FromRule(_rules, RuleKey.AudienceCostScale, "audience cost scale"));
            terms.Add(new Term("publicness", publicness, "DESIGN", "ambiguity clause halves publicness"));
            terms.Add(form);
            _world = _world with
            {
                Agreements = [.. _world.Agreements.Select(a => a.Id == agreement.Id
                    ? a with
                    {
                        Status = a.IsInForce ? AgreementStatus.Violated : a.Status,
                        StatusReason = $"Turn {_turn}: {test.Guarantor.DisplayName()} backed down ({response}) when the guarantee was tested.",
                        Violators = AddRole(a.Violators, test.Guarantor),
                        Reputation = a.Reputation.SetItem(test.Guarantor, rep - loss),
                    }
                    : a.Reputation.TryGetValue(test.Guarantor, out var other)
                        ? a with { Reputation = a.Reputation.SetItem(test.Guarantor, Math.Max(0, other - spread)) }
                        : a)],
            };
            Set(test.Guarantor, position with { Reputation = Math.Max(0, position.Reputation - spread) });
            Score(test.Guarantor, "audience costs", -ac, $"backed down on guarantee #{agreement.Id}: AC = {Fmt.One(ac)} (step F)");
            outcome = $"Backed down ({response}): reputation {Fmt.Two(rep)} -> {Fmt.Two(rep - loss)}; {Fmt.Two(spread)} off its other guarantees; audience cost {Fmt.One(ac)} points.";
            precedent = test.TroopsShrunk ? "Korea 1950: a tripwire shrunk before the test"
                : _exitPressureBefore.Contains(test.Guarantor) ? "Beirut 1983 / Mogadishu 1993: casualties, then exit"
                : current.Form == LegalForm.Verbal && position.Troops == 0 ? "Budapest 1994: a memorandum without forces" : null;
            counterfactual = $"honouring would have raised reputation to {Fmt.Two(rep + _rules.Value(RuleKey.HonourGain) * (1 - rep))}";
        }
        Add(new ResolutionRecord
        {
            Id = Id("F", "reputation", $"{test.Guarantor}-g{agreement.Id}"),
            Turn = _turn,
            Step = "F",
            Title = "Reputation and audience costs",
            Subject = $"{test.Guarantor.DisplayName()} on guarantee #{agreement.Id}",
            Terms = terms.ToImmutable(),
            Outcome = outcome,
            Precedent = precedent,
            Counterfactual = counterfactual,
        });
    }

    // E (attacks this turn)

    private void Attacks()
    {
        var posture = Russia.Posture;
        if (posture is RussiaPosture.LimitedOffensive or RussiaPosture.MajorOffensive)
            Offensive(posture == RussiaPosture.MajorOffensive);
        if (Ukraine.Posture == UkrainePosture.CounterAttack)
            CounterAttack();
    }

    private void Offensive(bool major)
    {
        var share = _rules[major ? RuleKey.AttackShareMajor : RuleKey.AttackShareLimited];
        var ru = _world[Role.RU];
        var attack = ru.Troops * share.Value;
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(new Term($"Russia attacks with {Fmt.Pct(share.Value)} of {Fmt.Int(ru.Troops)}", attack, share.Tag, share.Source));
        double defence = _world[Role.UA].Troops;
        if (Ukraine.Posture != UkrainePosture.Hold)
        {
            var f = _rules[Ukraine.Posture == UkrainePosture.Fortify ? RuleKey.FortifyFactor : RuleKey.CounterAttackFactor];
            terms.Add(new Term($"Ukraine {Ukraine.Posture} x{Fmt.Two(f.Value)}", defence * (f.Value - 1), f.Tag, f.Source));
            defence *= f.Value;
        }
        var engaged = new List<Role>();
        foreach (var role in new[] { Role.US, Role.EU })
        {
            var p = _world[role];
            if (p.Troops == 0 || (!major && p.Location == TripwireLocation.Rear))
                continue;
            var q = _rules[role == Role.US ? RuleKey.QualityUs : RuleKey.QualityEu];
            terms.Add(new Term($"{role} troops in the way: q {Fmt.Two(q.Value)} x {Fmt.Int(p.Troops)}", q.Value * p.Troops, q.Tag, q.Source));
            defence += q.Value * p.Troops;
            engaged.Add(role);
        }
        var k = _rules[RuleKey.CapabilityLogCoefficient];
        var pDefend = Deterrence.Sigmoid(k.Value * Math.Log(defence / Math.Max(1, attack)));
        terms.Add(new Term($"defence holds: s({Fmt.Two(k.Value)} ln({Fmt.Int(defence)} / {Fmt.Int(attack)}))", pDefend, k.Tag, k.Source));
        var id = Id("E", "offensive", "RU");
        var (taken, bp, roll) = Check(id, "offensive", "RU", 1 - pDefend);
        var gain = _rules.Value(major ? RuleKey.TerritoryMajor : RuleKey.TerritoryLimited);
        var lost = taken ? Math.Min(gain, _world.Territory) : 0;
        _world = _world with { Territory = _world.Territory - lost };
        var losses = major ? 0.03 : 0.01;
        Set(Role.RU, _world[Role.RU] with { Troops = (int)(_world[Role.RU].Troops * (1 - losses)) });
        Set(Role.UA, _world[Role.UA] with { Troops = (int)(_world[Role.UA].Troops * (1 - losses * 0.7)) });
        AddRolled(id, "E", major ? "Major offensive" : "Limited offensive", "Russia against Ukraine", terms.ToImmutable(), bp, roll,
            taken ? $"Russia takes {Fmt.One(lost)}% of Ukraine's territory." : "Ukraine's defence holds.",
            taken && engaged.Count > 0 ? "Srebrenica 1995: forces present but defeated" : null,
            major ? $"a limited offensive would have taken at most {Fmt.One(_rules.Value(RuleKey.TerritoryLimited))}%" : $"with Ukraine fortifying, the defence would hold more often");

        foreach (var role in engaged)
            Casualties(role);

        foreach (var agreement in _world.GuaranteesInForce.ToArray())
        {
            var g = agreement.Guarantee!;
            var tests = g.Guarantors.Select(r => new PendingTest(agreement.Id, r, _turn, major ? "major offensive" : "limited offensive", lost,
                _world[r].Troops < _world[r].TroopsLastTurn || g.Tripwires.Any(t => t.Guarantor == r && _world[r].Troops < t.Troops))).ToArray();
            _world = _world with { PendingTests = _world.PendingTests.AddRange(tests) };
            var withoutForces = agreement.Form == LegalForm.Verbal && g.Guarantors.All(r => _world[r].Troops == 0);
            Add(new ResolutionRecord
            {
                Id = Id("E", "tested", $"g{agreement.Id}"),
                Turn = _turn,
                Step = "E",
                Title = "Guarantee tested",
                Subject = $"guarantee #{agreement.Id} ({string.Join(", ", g.Guarantors)})",
                Terms = [new Term("territory lost this turn (%)", lost, "E", "offensive roll")],
                Outcome = $"The {(major ? "major" : "limited")} offensive touches Ukraine: {string.Join(" and ", g.Guarantors.Select(r => r.DisplayName()))} must answer in next turn's orders (fight / limited / sanctions and arms / nothing).",
                Precedent = withoutForces ? "Budapest 1994: a memorandum without forces" : tests.Any(t => t.TroopsShrunk) ? "Korea 1950: a tripwire shrunk before the test" : null,
                Counterfactual = withoutForces ? "with a tripwire of 10,000 troops, T_i would add 0.84 to each guarantor's commitment logit" : "without the guarantee nobody would be bound to answer",
            });
        }
    }

    private void Casualties(Role role)
    {
        var guarantees = _world.GuaranteesInForce.Where(a => a.Guarantee!.Guarantors.Contains(role)).ToArray();
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(Deterrence.FromRule(_rules, RuleKey.RallyBase, "base"));
        var treaty = guarantees.Any(a => a.Form == LegalForm.RatifiedTreaty);
        var publicCommitment = guarantees.Any(a => !a.Guarantee!.AmbiguityClause);
        var stake = guarantees.Any(a => a.Guarantee!.EconomicStake != EconomicStake.None);
        if (treaty) terms.Add(Deterrence.FromRule(_rules, RuleKey.RallyTreaty, "treaty"));
        if (publicCommitment) terms.Add(Deterrence.FromRule(_rules, RuleKey.RallyPublicCommitment, "public commitment"));
        if (stake) terms.Add(Deterrence.FromRule(_rules, RuleKey.RallyStake, "economic stake"));
        var p = terms.Sum(t => t.Value);
        var id = Id("E", "rally", role.ToString());
        var (rally, bp, roll) = Check(id, "rally", role.ToString(), p);
        var position = _world[role];
        var support = position.Hidden.ContainsKey("domesticSupport") ? "domesticSupport" : null;
        position = position with
        {
            Rallied = rally,
            ExitPressure = !rally,
            Hidden = support is null ? position.Hidden : position.Hidden.SetItem(support, Math.Clamp(position.Q(support) + (rally ? 0.1 : -0.15), 0, 1)),
        };
        Set(role, position);
        AddRolled(id, "E", "Tripwire casualties", $"{role.DisplayName()}'s troops", terms.ToImmutable(), bp, roll,
            rally ? "The public rallies behind the troops." : "Casualties bring exit pressure at home: domestic reversal is twice as likely this turn.",
            rally ? null : "Beirut 1983 / Mogadishu 1993: casualties, then exit",
            treaty ? $"without the treaty: {Fmt.Pct(p)} -> {Fmt.Pct(p - _rules.Value(RuleKey.RallyTreaty))}" : $"under a treaty: {Fmt.Pct(p)} -> {Fmt.Pct(p + _rules.Value(RuleKey.RallyTreaty))}",
            visibleTo: [role]);
    }

    private void CounterAttack()
    {
        var f = _rules[RuleKey.CounterAttackFactor];
        var ua = _world[Role.UA].Troops * f.Value * 0.5;
        var ru = _world[Role.RU].Troops * 0.5;
        var k = _rules[RuleKey.CapabilityLogCoefficient];
        var p = Deterrence.Sigmoid(k.Value * Math.Log(ua / Math.Max(1, ru)));
        var id = Id("E", "counter-attack", "UA");
        var (success, bp, roll) = Check(id, "counter-attack", "UA", p);
        var gain = success ? Math.Min(_rules.Value(RuleKey.CounterAttackGain), 100 - _world.Territory) : 0;
        _world = _world with { Territory = _world.Territory + gain };
        Set(Role.UA, _world[Role.UA] with { Troops = (int)(_world[Role.UA].Troops * 0.98) });
        AddRolled(id, "E", "Counter-attack", "Ukraine against Russia",
            [new Term("Ukraine's attacking half", ua, f.Tag, f.Source), new Term("Russia's defending half", ru, "SCENARIO", "order of battle"), new Term("P(success)", p, k.Tag, k.Source)],
            bp, roll, success ? $"Ukraine retakes {Fmt.One(gain)}% of its territory." : "The counter-attack stalls.", null,
            "holding instead would have kept the ceasefire (if any) and spared the losses");
    }

    // G

    private void Reversals()
    {
        foreach (var agreement in _world.GuaranteesInForce.ToArray())
        {
            // Each guarantor rolls once; a reversal already this turn settles the guarantee for the others.
            foreach (var guarantor in agreement.Guarantee!.Guarantors)
            {
                var current = _world.Agreements.First(a => a.Id == agreement.Id);
                if (!current.IsInForce || current.Form != agreement.Form)
                    break;
                var position = _world[guarantor];
                var terms = ImmutableArray.CreateBuilder<Term>();
                var formKey = current.Form switch
                {
                    LegalForm.ExecutiveAgreement => RuleKey.ReversalExecutive,
                    LegalForm.CongressionalExecutive => RuleKey.ReversalCongressionalExecutive,
                    LegalForm.RatifiedTreaty => RuleKey.ReversalTreaty,
                    _ => RuleKey.ReversalVerbal,
                };
                terms.Add(Deterrence.FromRule(_rules, formKey, $"r_form ({current.Form})"));
                var r = _rules.Value(formKey);
                if ((int)position.Q("electionTurn") == _turn)
                {
                    terms.Add(Deterrence.FromRule(_rules, RuleKey.ReversalElection, "election turn"));
                    r *= _rules.Value(RuleKey.ReversalElection);
                }
                if (current.Guarantee!.EconomicStake != EconomicStake.None)
                {
                    var damping = _rules[RuleKey.ReversalStakeDamping];
                    terms.Add(new Term("1 - c [economic stake]", 1 - damping.Value, damping.Tag, damping.Source));
                    r *= 1 - damping.Value;
                }
                if (position.ExitPressure)
                {
                    terms.Add(Deterrence.FromRule(_rules, RuleKey.ReversalExitPressure, "exit pressure after casualties"));
                    r *= _rules.Value(RuleKey.ReversalExitPressure);
                }
                if (position.Hidden.ContainsKey("domesticSupport") && position.Q("domesticSupport") < 0.35)
                {
                    terms.Add(Deterrence.FromRule(_rules, RuleKey.ReversalLowSupport, "low domestic support"));
                    r *= _rules.Value(RuleKey.ReversalLowSupport);
                }
                var id = Id("G", "reversal", $"{guarantor}-g{agreement.Id}");
                var (reversed, bp, roll) = Check(id, "reversal", $"{guarantor}-g{agreement.Id}", r);
                var verbal = current.Form == LegalForm.Verbal;
                if (reversed)
                    Replace(agreement.Id, a => verbal
                        ? a with
                        {
                            Status = AgreementStatus.Revoked,
                            StatusReason = $"Turn {_turn}: a domestic reversal in {guarantor.DisplayName()} disowned the verbal commitment.",
                        }
                        : a with
                        {
                            CurrentForm = LegalForm.Verbal,
                            StatusReason = $"Turn {_turn}: a domestic reversal in {guarantor.DisplayName()} reduced the guarantee to a verbal commitment; commitment is recomputed.",
                        });
                AddRolled(id, "G", "Domestic reversal", $"{guarantor.DisplayName()} on guarantee #{agreement.Id}", terms.ToImmutable(), bp, roll,
                    !reversed ? $"The {Describe(current.Form)} survives domestic politics this turn."
                        : verbal ? "Reversed: the verbal commitment is disowned and the guarantee lapses."
                        : $"Reversed: the {Describe(current.Form)} drops to a verbal commitment.",
                    reversed ? "Leeds 2003: a change of government abandons a commitment" : null,
                    $"as a ratified treaty: {Fmt.Pct1(r)} -> {Fmt.Pct1(_rules.Value(RuleKey.ReversalTreaty) * r / _rules.Value(formKey))}",
                    visibleTo: [guarantor]);
            }
        }
    }

    private void Expiry()
    {
        foreach (var agreement in _world.Agreements.Where(a => a.IsInForce && a.Terms.DurationTurns is { } d && a.SignedTurn + d <= _turn).ToArray())
            Replace(agreement.Id, a => a with { Status = AgreementStatus.Expired, StatusReason = $"Turn {_turn}: expired after {a.Terms.DurationTurns} turns." });
    }

    // H

    private ImmutableArray<RoleScore> Scores(double deterrence)
    {
        var ceasefire = _world.Ceasefire;
        var c = ceasefire?.Terms as CeasefireTerms;
        var territoryChange = _world.Territory - _start.Territory;
        var guarantees = _world.GuaranteesInForce.ToArray();
        var minerals = guarantees.Any(a => a.Guarantee!.Guarantors.Contains(Role.US) && a.Guarantee.EconomicStake != EconomicStake.None);
        var usTroops = _world[Role.US].Troops;
        var euTroops = _world[Role.EU].Troops;

        // Ukraine
        if (c is not null)
        {
            if (c.NatoNonAccessionPledge) Score(Role.UA, "sovereignty", -3, "the ceasefire carries a NATO non-accession pledge");
            if (c.UaForceCapThousands is not null) Score(Role.UA, "sovereignty", -2, "the ceasefire caps Ukraine's forces");
            Score(Role.UA, "ceasefire holds", 5, $"ceasefire #{ceasefire!.Id} is in force (step D)");
        }
        Score(Role.UA, "deterrence", deterrence >= 0.6 ? 5 : 5 * deterrence, $"D = {Fmt.Two(deterrence)} (goal 0.6, step C)");
        if (territoryChange != 0) Score(Role.UA, "territory held", 5 * territoryChange, $"territory {Fmt.One(_start.Territory)}% -> {Fmt.One(_world.Territory)}% (step E)");
        if (minerals) Score(Role.UA, "reconstruction money", 2, "a minerals deal brings investment");
        if (Guarantor(Role.EU).RaiseSpending) Score(Role.UA, "reconstruction money", 1, "Europe raised spending");

        // Russia
        if (territoryChange != 0) Score(Role.RU, "gains kept", -5 * territoryChange, $"territory {Fmt.One(_start.Territory)}% -> {Fmt.One(_world.Territory)}% (step E)");
        if (usTroops + euTroops > 0) Score(Role.RU, "no Western troops", -(usTroops + euTroops) / 5000.0, $"{Fmt.Int(usTroops + euTroops)} Western troops in Ukraine");
        Score(Role.RU, "sanctions relief", -_world.Sanctions / 2.0, $"sanctions pressure {_world.Sanctions}");
        if (c?.NatoNonAccessionPledge == true) Score(Role.RU, "no NATO", 3, "the ceasefire carries a NATO non-accession pledge");
        if (_usFought) Score(Role.RU, "no direct war with the US", -20, "US forces fought Russia (step E)");

        // United States
        if (usTroops > 0) Score(Role.US, "low cost", -usTroops / 5000.0, $"{Fmt.Int(usTroops)} troops deployed");
        if (Guarantor(Role.US).ArmsAndIntelligence) Score(Role.US, "low cost", -1, "arms and intelligence support");
        Score(Role.US, "reputation", 10 * (_world[Role.US].Reputation - 0.5), $"reputation {Fmt.Two(_world[Role.US].Reputation)} (step F)");
        if (minerals) Score(Role.US, "minerals returns", ceasefire is not null ? 4 : 1, ceasefire is not null ? "minerals deal in force and the ceasefire holds" : "minerals deal in force, but war disrupts it");
        if (_usFought) Score(Role.US, "no direct war", -15, "US forces fought Russia (step E)");

        // Europe
        Score(Role.EU, "European security", 5 * deterrence + (ceasefire is not null ? 3 : -3), $"D = {Fmt.Two(deterrence)}; ceasefire {(ceasefire is not null ? "holds" : "absent")}");
        if (guarantees.Any(a => a.Guarantee!.Guarantors.Contains(Role.US))) Score(Role.EU, "US stays engaged", 3, "the United States guarantees Ukraine");
        if (euTroops > usTroops) Score(Role.EU, "fair burden share", -(euTroops - usTroops) / 10000.0, $"Europe {Fmt.Int(euTroops)} troops against the US {Fmt.Int(usTroops)}");
        Score(Role.EU, "reputation", 10 * (_world[Role.EU].Reputation - 0.5), $"reputation {Fmt.Two(_world[Role.EU].Reputation)} (step F)");
        if (Guarantor(Role.EU).RaiseSpending) Score(Role.EU, "spending", -1, "raised defence spending");

        var scores = ImmutableArray.CreateBuilder<RoleScore>();
        var totals = _world.Scores;
        foreach (var role in RoleSet.All)
        {
            var lines = _score[role].Select(l => l with { Points = Math.Round(l.Points, 2) }).ToImmutableArray();
            var turnScore = Math.Round(lines.Sum(l => l.Points), 2);
            var total = Math.Round(totals.GetValueOrDefault(role) + turnScore, 2);
            totals = totals.SetItem(role, total);
            scores.Add(new RoleScore(role, turnScore, total, lines));
            Add(new ResolutionRecord
            {
                Id = Id("H", "score", role.ToString()),
                Turn = _turn,
                Step = "H",
                Title = "Score",
                Subject = role.DisplayName(),
                Terms = [.. lines.Select(l => new Term($"{l.Objective}: {l.Because}", l.Points, "DESIGN", "game-model.md step H (role objectives)"))],
                Outcome = $"{Fmt.One(turnScore)} points this turn, {Fmt.One(total)} in all.",
                Counterfactual = lines.IsEmpty ? "nothing moved this role's score" : $"the largest single line was {lines.MaxBy(l => Math.Abs(l.Points))!.Objective} ({Fmt.One(lines.MaxBy(l => Math.Abs(l.Points))!.Points)})",
                VisibleTo = [role],
            });
        }
        _world = _world with { Scores = totals };
        return scores.ToImmutable();
    }

    // Helpers

    private Adjustment? Adjusted(string id) => _adjustments.TryGetValue(id, out var a) ? a : null;

    /// <summary>Rolls d10000 against p (shifted by the facilitator's adjustment, if any): success when roll &lt;= threshold.</summary>
    private (bool Success, int ThresholdBp, int Roll) Check(string id, string kind, string subject, double p)
    {
        if (Adjusted(id) is { } a)
            p = Deterrence.Sigmoid(Deterrence.Logit(p) + a.Logit);
        var bp = Dice.ToBasisPoints(p);
        var roll = Dice.Roll(_seed, _turn, kind, subject);
        return (roll <= bp, bp, roll);
    }

    private void AddRolled(string id, string step, string title, string subject, ImmutableArray<Term> terms, int bp, int roll,
        string outcome, string? precedent, string counterfactual, ImmutableArray<Role> visibleTo = default) => Add(new ResolutionRecord
        {
            Id = id,
            Turn = _turn,
            Step = step,
            Title = title,
            Subject = subject,
            Terms = terms,
            ThresholdBp = bp,
            Roll = roll,
            Outcome = $"{outcome} (roll {roll} against {bp})",
            Precedent = precedent,
            Counterfactual = counterfactual,
            VisibleTo = visibleTo.IsDefault ? [] : visibleTo,
            Adjustment = Adjusted(id)?.Logit,
            AdjustmentReason = Adjusted(id)?.Reason,
        });

    private void Add(ResolutionRecord record) => _records.Add(record);

    private string Id(string step, string kind, string subject) => $"T{_turn}-{step}-{kind}-{subject}";

    private void Score(Role role, string objective, double points, string because) => _score[role].Add(new ScoreLine(objective, points, because));

    private void Set(Role role, RolePosition position) => _world = _world with { Positions = _world.Positions.SetItem(role, position) };

    private void Replace(int id, Func<Agreement, Agreement> change) =>
        _world = _world with { Agreements = [.. _world.Agreements.Select(a => a.Id == id ? change(a) : a)] };

    private static ImmutableArray<Role> AddRole(ImmutableArray<Role> roles, Role role) => roles.Contains(role) ? roles : [.. roles.Add(role).Order()];

    private static string Describe(LegalForm form) => form switch
    {
        LegalForm.ExecutiveAgreement => "executive agreement",
        LegalForm.CongressionalExecutive => "congressional-executive agreement",
        LegalForm.RatifiedTreaty => "ratified treaty",
        _ => "verbal memorandum",
    };

    private static string Describe(RussiaPosture posture) => posture switch
    {
        RussiaPosture.LimitedOffensive => "limited offensive",
        RussiaPosture.MajorOffensive => "major offensive",
        RussiaPosture.Probe => "grey-zone probe",
        _ => "compliance",
    };
}
