using System.Collections.Immutable;

namespace Wargame.Domain.Adjudication;

/// <summary>Every constant the engine uses. The YAML name of an override is the camelCase key.</summary>
public enum RuleKey
{
    CommitmentBase,
    FormVerbal,
    FormExecutive,
    FormCongressionalExecutive,
    FormTreaty,
    AutomaticTrigger,
    AmbiguityClause,
    TripwireCoefficient,
    StakeMinerals,
    StakeWithPersonnel,
    ReputationUs,
    ReputationEu,
    QualityUs,
    QualityEu,
    EnablersWithUs,
    EnablersEuropeOnly,
    CapabilityLogCoefficient,
    ArmsSupport,
    HazardBase,
    HazardDeterrence,
    HazardRearm,
    HazardConsentSought,
    HazardConsentNotSought,
    HrDmz,
    HrMonitors,
    HrJointCommission,
    HrSpecificText,
    MinorIncident,
    AttributionWithMonitors,
    AttributionWithoutMonitors,
    RallyBase,
    RallyTreaty,
    RallyPublicCommitment,
    RallyStake,
    CongressBlocks,
    AudienceCostScale,
    HonourGain,
    RenegeLoss,
    RenegeSpread,
    ReversalVerbal,
    ReversalExecutive,
    ReversalCongressionalExecutive,
    ReversalTreaty,
    ReversalElection,
    ReversalStakeDamping,
    ReversalLowSupport,
    ReversalExitPressure,
    RatificationBase,
    RatificationCongressWeight,
    CostProbe,
    GainProbe,
    GainLimited,
    GainMajor,
    CostLimited,
    CostMajor,
    TerritoryLimited,
    TerritoryMajor,
    AttackShareLimited,
    AttackShareMajor,
    FortifyFactor,
    CounterAttackFactor,
    CounterAttackGain,
    MobiliseTroops,
    RearmShare,

    // Orders take effect
    MobiliseMoraleCost,
    MobiliseReadinessCost,
    FortifyReadinessGain,
    ArmsReadinessGain,
    SpendingForceGain,
    SpendingHeadroomUsed,
    SanctionsPerOrder,
    EvasionRelief,

    // A–C
    TripwireTroopScale,
    ReputationNeutral,
    ReputationWeight,
    DeterrenceGoal,
    GainResolveBase,

    // D
    IncidentRussiaShare,

    // E
    LossesLimited,
    LossesMajor,
    DefenderLossRatio,
    CounterAttackCommitted,
    CounterAttackDefending,
    CounterAttackLosses,
    RallySupportGain,
    ExitSupportLoss,

    // F, G
    AmbiguityPublicness,
    LowSupportThreshold,

    // H (role objectives; score points)
    ScoreNatoPledge,
    ScoreForceCap,
    ScoreCeasefireHolds,
    ScoreDeterrence,
    ScoreTerritory,
    ScoreReconstructionMinerals,
    ScoreReconstructionSpending,
    ScoreTroopsPerPoint,
    ScoreSanctionsPerLevel,
    ScoreNoNato,
    ScoreRussiaAtWarWithUs,
    ScoreUsAtWarWithRussia,
    ScoreArmsCost,
    ScoreReputation,
    ScoreMineralsAtPeace,
    ScoreMineralsAtWar,
    ScoreSecurityDeterrence,
    ScoreSecurityCeasefire,
    ScoreUsEngaged,
    ScoreBurdenTroopsPerPoint,
    ScoreSpendingCost,
    ScoreIncidentAttributed,
    ScoreCeasefireBroken,

    // Round 2 (docs/game-model.md, "Secrecy, perception, hedging, withdrawal, institutions")
    SecretPublicness,
    RatificationDebatePublicness,
    StatementPublicness,
    StatementShift,
    StatementLimit,
    PerceptionNoise,
    IntelligenceNoiseReduction,
    DeterrenceThreshold,
    CeasefireValue,
    DrawdownAudienceShare,
    DrawdownRenegeShare,
    EnablerFloor,
    EnablerFullTroops,
    WarPowersVerbal,
    HrPeacekeepers,
    AttributionWithPeacekeepers,
    DrawnInPeacekeepers,
    DrawnInMonitors,
    HrMediators,
    StakeInitialShare,
    StakeMaturityTurns,

    // Counterfactual probes: the size of each "what if" a record explains itself with (never an outcome)
    ProbeCongressMood,
    ProbeDeterrence,
    ProbeTripwireTroops,
    ProbeGuarantorCredibility,
}

/// <summary>A constant with its provenance: [LIT], [LIT-anchored], [DESIGN] or [SCENARIO] and the source.</summary>
public sealed record RuleConstant(string Key, double Value, string Tag, string Source, string Description);

/// <summary>
/// The one table of rule constants (game-model.md). A scenario may override any entry; the override
/// keeps the key, takes the tag [SCENARIO] and names the scenario as its source.
/// </summary>
public sealed class RulesTable
{
    private readonly RuleConstant[] _constants;

    private RulesTable(RuleConstant[] constants) => _constants = constants;

    public static RulesTable Default { get; } = new(BuildDefaults());

    public ImmutableArray<RuleConstant> All => [.. _constants];

    public RuleConstant this[RuleKey key] => _constants[(int)key];

    public double Value(RuleKey key) => _constants[(int)key].Value;

    public static string NameOf(RuleKey key)
    {
        var name = key.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParseName(string name, out RuleKey key)
    {
        foreach (var candidate in Enum.GetValues<RuleKey>())
        {
            if (NameOf(candidate) == name)
            {
                key = candidate;
                return true;
            }
        }
        key = default;
        return false;
    }

    /// <summary>
    /// The values a constant may take, and what kind of number it is: a probability or share from 0 to 1, a positive
    /// factor or scale, a non-negative rate, count or coefficient, or a signed term (a logit base, score points).
    /// A scenario's override outside them is refused by the validator.
    /// </summary>
    public static (double Min, double Max, string What) BoundsOf(RuleKey key)
    {
        if (Probabilities.Contains(key))
            return (0, 1, "a probability or share");
        if (Positive.Contains(key))
            return (1e-6, 1_000_000, "a positive factor or scale");
        if (Signed.Contains(key) || (RulesTable.NameOf(key).StartsWith("score", StringComparison.Ordinal) && !Positive.Contains(key)))
            return (-1000, 1000, "a signed term");
        return (0, 1_000_000, "a non-negative rate, count or coefficient");
    }

    private static readonly HashSet<RuleKey> Signed = [RuleKey.CommitmentBase];

    private static readonly HashSet<RuleKey> Positive =
    [
        RuleKey.HrDmz, RuleKey.HrMonitors, RuleKey.HrJointCommission, RuleKey.HrSpecificText,
        RuleKey.HazardConsentSought, RuleKey.HazardConsentNotSought, RuleKey.TripwireTroopScale,
        RuleKey.ScoreTroopsPerPoint, RuleKey.ScoreBurdenTroopsPerPoint, RuleKey.FortifyFactor, RuleKey.CounterAttackFactor,
        RuleKey.HrPeacekeepers, RuleKey.HrMediators, RuleKey.EnablerFullTroops, RuleKey.StakeMaturityTurns,
    ];

    private static readonly HashSet<RuleKey> Probabilities =
    [
        RuleKey.ReputationUs, RuleKey.ReputationEu, RuleKey.ArmsSupport, RuleKey.HazardBase, RuleKey.MinorIncident,
        RuleKey.AttributionWithMonitors, RuleKey.AttributionWithoutMonitors, RuleKey.RallyBase, RuleKey.RallyTreaty,
        RuleKey.RallyPublicCommitment, RuleKey.RallyStake, RuleKey.CongressBlocks, RuleKey.HonourGain, RuleKey.RenegeLoss,
        RuleKey.RenegeSpread, RuleKey.ReversalVerbal, RuleKey.ReversalExecutive, RuleKey.ReversalCongressionalExecutive,
        RuleKey.ReversalTreaty, RuleKey.ReversalStakeDamping, RuleKey.RatificationBase, RuleKey.RatificationCongressWeight,
        RuleKey.AttackShareLimited, RuleKey.AttackShareMajor, RuleKey.RearmShare, RuleKey.MobiliseMoraleCost,
        RuleKey.MobiliseReadinessCost, RuleKey.FortifyReadinessGain, RuleKey.ArmsReadinessGain, RuleKey.SpendingHeadroomUsed,
        RuleKey.ReputationNeutral, RuleKey.DeterrenceGoal, RuleKey.IncidentRussiaShare, RuleKey.LossesLimited, RuleKey.LossesMajor,
        RuleKey.DefenderLossRatio, RuleKey.CounterAttackCommitted, RuleKey.CounterAttackDefending, RuleKey.CounterAttackLosses,
        RuleKey.RallySupportGain, RuleKey.ExitSupportLoss, RuleKey.AmbiguityPublicness, RuleKey.LowSupportThreshold,
        RuleKey.SecretPublicness, RuleKey.IntelligenceNoiseReduction, RuleKey.DeterrenceThreshold, RuleKey.DrawdownAudienceShare,
        RuleKey.DrawdownRenegeShare, RuleKey.EnablerFloor, RuleKey.WarPowersVerbal, RuleKey.AttributionWithPeacekeepers,
        RuleKey.DrawnInPeacekeepers, RuleKey.DrawnInMonitors, RuleKey.StakeInitialShare,
        RuleKey.ProbeCongressMood, RuleKey.ProbeDeterrence, RuleKey.ProbeGuarantorCredibility,
    ];

    /// <summary>Every value by name, as a game's log records the constants it is played with.</summary>
    public ImmutableSortedDictionary<string, double> Values() =>
        _constants.ToImmutableSortedDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    /// <summary>
    /// This table with the values a game's log recorded, so the game replays with the numbers it was played with even
    /// after the defaults change. A value that differs from this table's says so in its source; names this version no
    /// longer knows are ignored, and constants the log predates keep this table's values.
    /// </summary>
    public RulesTable WithLoggedValues(IReadOnlyDictionary<string, double> logged)
    {
        var copy = (RuleConstant[])_constants.Clone();
        var changed = false;
        foreach (var (name, value) in logged)
        {
            if (!TryParseName(name, out var key) || copy[(int)key].Value == value)
                continue;
            copy[(int)key] = copy[(int)key] with { Value = value, Source = $"{copy[(int)key].Source}; this game's log has {value} (now {copy[(int)key].Value})" };
            changed = true;
        }
        return changed ? new RulesTable(copy) : this;
    }

    public RulesTable WithOverrides(string scenarioId, IReadOnlyDictionary<string, double> overrides)
    {
        if (overrides.Count == 0)
            return this;
        var copy = (RuleConstant[])_constants.Clone();
        foreach (var (name, value) in overrides)
        {
            if (TryParseName(name, out var key))
                copy[(int)key] = copy[(int)key] with { Value = value, Tag = "SCENARIO", Source = $"scenario {scenarioId} (default {copy[(int)key].Value} {copy[(int)key].Tag})" };
        }
        return new RulesTable(copy);
    }

    private static RuleConstant[] BuildDefaults()
    {
        const string Design = "DESIGN";
        var table = new RuleConstant[Enum.GetValues<RuleKey>().Length];
        void Add(RuleKey key, double value, string tag, string source, string description) =>
            table[(int)key] = new RuleConstant(NameOf(key), value, tag, source, description);

        Add(RuleKey.CommitmentBase, -1.0, Design, "docs/game-model.md step A", "Baseline logit of commitment");
        Add(RuleKey.FormVerbal, 0.0, Design, "ordering LIT: Martin 2005; Nyarko 2019; Budapest 1994", "L_form, verbal or memorandum");
        Add(RuleKey.FormExecutive, 0.5, Design, "ordering LIT: Martin 2005; Nyarko 2019", "L_form, executive agreement");
        Add(RuleKey.FormCongressionalExecutive, 0.8, Design, "ordering LIT: Martin 2005; Nyarko 2019", "L_form, congressional-executive agreement");
        Add(RuleKey.FormTreaty, 1.0, Design, "ordering LIT: Martin 2005; Nyarko 2019, treaties outlast executive agreements; value calibrated with A_auto to the 74.5% honour rate of Leeds, Long & Mitchell 2000", "L_form, ratified treaty");
        Add(RuleKey.AutomaticTrigger, 0.2, Design, "direction: Fearon 1995; with L_form calibrated so a ratified treaty with an automatic trigger, average reputation and a tripwire is honoured about 74.5% of the time (Leeds, Long & Mitchell 2000)", "A_auto, automatic (Article-5-like) trigger");
        Add(RuleKey.AmbiguityClause, 0.6, Design, "Fearon 1995", "A_amb, strategic-ambiguity clause");
        Add(RuleKey.TripwireCoefficient, 0.35, Design, "small coefficient after Musgrave & Ward 2023", "T_i = c ln(1 + troops/1000)");
        Add(RuleKey.StakeMinerals, 0.6, Design, "direction LIT: Huth & Russett 1984", "E_i, minerals deal in force");
        Add(RuleKey.StakeWithPersonnel, 0.9, Design, "direction LIT: Huth & Russett 1984", "E_i, minerals deal with personnel or assets on site");
        Add(RuleKey.ReputationUs, 0.6, Design, "docs/game-model.md step A", "Starting reputation of the US");
        Add(RuleKey.ReputationEu, 0.5, Design, "docs/game-model.md step A", "Starting reputation of Europe");
        Add(RuleKey.QualityUs, 1.5, Design, "docs/game-model.md step B", "q_US, force quality");
        Add(RuleKey.QualityEu, 1.0, Design, "docs/game-model.md step B", "q_EU, force quality");
        Add(RuleKey.EnablersWithUs, 0.7, Design, "docs/game-model.md step B (ISR, air, long-range fires)", "En_S with the US in S");
        Add(RuleKey.EnablersEuropeOnly, 0.3, Design, "docs/game-model.md step B", "En_S, Europe only");
        Add(RuleKey.CapabilityLogCoefficient, 2.0, Design, "docs/game-model.md step B (force-ratio slope; RAND's 36-60 hours sets only the 72-hour reinforcement window)", "K_S = s(c ln FR + En_S)");
        Add(RuleKey.ArmsSupport, 0.1, Design, "docs/game-model.md instruments (arms and intelligence support)", "Ukraine's effective forces rise by this share under a guarantee with arms and intelligence");
        Add(RuleKey.HazardBase, 0.083, Design, "calibrated so 1 - (1 - h0)^8 = 0.5; direction LIT: Fortna 2004, almost half of ceasefires since 1945 failed", "h0, so that half collapse within 8 turns");
        Add(RuleKey.HazardDeterrence, 3.0, Design, "docs/game-model.md step D", "h multiplied by e^(-c D)");
        Add(RuleKey.HazardRearm, 0.5, Design, "docs/game-model.md step D", "h multiplied by (1 + c Rearm)");
        Add(RuleKey.HazardConsentSought, 0.8, Design, "docs/game-model.md step D", "h factor when Russian consent was sought");
        Add(RuleKey.HazardConsentNotSought, 1.2, Design, "docs/game-model.md step D", "h factor when a guarantee ignored Russian consent");
        Add(RuleKey.HrDmz, 0.6, Design, "direction LIT: Fortna 2003/2004", "Hazard ratio of a demilitarised zone");
        Add(RuleKey.HrMonitors, 0.7, Design, "direction LIT: Fortna 2003/2004", "Hazard ratio of unarmed monitors");
        Add(RuleKey.HrJointCommission, 0.85, Design, "direction LIT: Fortna 2003/2004", "Hazard ratio of a joint commission");
        Add(RuleKey.HrSpecificText, 0.8, Design, "direction LIT: Fortna 2003/2004", "Hazard ratio of specific written text");
        Add(RuleKey.MinorIncident, 0.5, Design, "direction: CSIS 2025 (incidents continue under monitoring)", "Chance of a minor incident per turn (monitors do not reduce it)");
        Add(RuleKey.AttributionWithMonitors, 0.8, Design, "direction: CSIS 2025 (monitors make attribution likely)", "Chance an incident is attributed to its violator, with unarmed monitors");
        Add(RuleKey.AttributionWithoutMonitors, 0.3, Design, "docs/game-model.md step D", "Chance an incident is attributed, without monitors");
        Add(RuleKey.RallyBase, 0.35, Design, "direction: Reiter & Poast 2021; Musgrave & Ward 2023", "P(rally) after tripwire casualties");
        Add(RuleKey.RallyTreaty, 0.25, Design, "docs/game-model.md step E1", "P(rally) bonus under a treaty");
        Add(RuleKey.RallyPublicCommitment, 0.15, Design, "docs/game-model.md step E1", "P(rally) bonus for a public commitment");
        Add(RuleKey.RallyStake, 0.1, Design, "docs/game-model.md step E1", "P(rally) bonus for an economic stake");
        Add(RuleKey.CongressBlocks, 0.25, Design, "docs/game-model.md step E2", "P(Congress blocks fighting) under an executive agreement");
        Add(RuleKey.AudienceCostScale, 10.0, Design, "direction: Fearon 1994", "AC = c * publicness * (1 + L_form) score points");
        Add(RuleKey.HonourGain, 0.10, Design, "direction: Huth 1988; Weisiger & Yarhi-Milo 2015", "Rep += c (1 - Rep) on honour");
        Add(RuleKey.RenegeLoss, 0.20, Design, "direction: Huth 1988; Weisiger & Yarhi-Milo 2015", "Rep -= c Rep on renege");
        Add(RuleKey.RenegeSpread, 0.5, Design, "asymmetry after Weisiger & Yarhi-Milo 2015", "Share of a renege loss spread to other guarantees");
        Add(RuleKey.ReversalVerbal, 0.15, Design, "ordering LIT: Nyarko 2019", "r_form per turn, verbal");
        Add(RuleKey.ReversalExecutive, 0.08, Design, "ordering LIT: Nyarko 2019", "r_form per turn, executive agreement");
        Add(RuleKey.ReversalCongressionalExecutive, 0.04, Design, "ordering LIT: Nyarko 2019", "r_form per turn, congressional-executive");
        Add(RuleKey.ReversalTreaty, 0.01, Design, "ordering LIT: Nyarko 2019", "r_form per turn, ratified treaty");
        Add(RuleKey.ReversalElection, 2.0, Design, "government change LIT: Leeds 2003", "Reversal multiplier in an election turn");
        Add(RuleKey.ReversalStakeDamping, 0.5, Design, "docs/game-model.md step G", "Reversal multiplied by (1 - c [economic stake])");
        Add(RuleKey.ReversalLowSupport, 1.5, Design, "government change LIT: Leeds 2003", "Reversal multiplier when domestic support is below 0.35");
        Add(RuleKey.ReversalExitPressure, 2.0, Design, "Beirut 1983, Mogadishu 1993", "Reversal multiplier after casualties brought exit pressure");
        Add(RuleKey.RatificationBase, 0.25, Design, "docs/game-model.md instruments", "P(Senate ratifies) base");
        Add(RuleKey.RatificationCongressWeight, 0.6, Design, "docs/game-model.md instruments", "P(Senate ratifies) += c * Congress mood");
        Add(RuleKey.CostProbe, 2.0, Design, "docs/game-model.md step C", "Russia's cost after a grey-zone probe");
        Add(RuleKey.GainProbe, 1.0, Design, "docs/game-model.md step C", "Russia's gain from a probe");
        Add(RuleKey.GainLimited, 3.0, Design, "docs/game-model.md step C", "Russia's gain from a limited offensive");
        Add(RuleKey.GainMajor, 8.0, Design, "docs/game-model.md step C", "Russia's gain from a major offensive");
        Add(RuleKey.CostLimited, 6.0, Design, "docs/game-model.md step C", "Russia's cost of war after a limited offensive");
        Add(RuleKey.CostMajor, 14.0, Design, "docs/game-model.md step C", "Russia's cost of war after a major offensive");
        Add(RuleKey.TerritoryLimited, 0.5, Design, "docs/game-model.md step E", "Territory (% of Ukraine) a successful limited offensive takes");
        Add(RuleKey.TerritoryMajor, 2.0, Design, "docs/game-model.md step E", "Territory (% of Ukraine) a successful major offensive takes");
        Add(RuleKey.AttackShareLimited, 0.35, Design, "docs/game-model.md step E", "Share of Russia's forces a limited offensive commits");
        Add(RuleKey.AttackShareMajor, 0.8, Design, "docs/game-model.md step E", "Share of Russia's forces a major offensive commits");
        Add(RuleKey.FortifyFactor, 1.25, Design, "docs/game-model.md orders", "Ukraine's defence multiplier when fortifying");
        Add(RuleKey.CounterAttackFactor, 0.85, Design, "docs/game-model.md orders", "Ukraine's defence multiplier while counter-attacking");
        Add(RuleKey.CounterAttackGain, 0.5, Design, "docs/game-model.md orders", "Territory (% of Ukraine) a successful counter-attack retakes");
        Add(RuleKey.MobiliseTroops, 20_000, Design, "docs/game-model.md orders", "Troops Ukraine adds by mobilising");
        Add(RuleKey.RearmShare, 0.05, Design, "docs/game-model.md orders", "Share Russia's forces grow by rearming");

        // Orders take effect
        Add(RuleKey.MobiliseMoraleCost, 0.05, Design, "docs/game-model.md orders (mobilising hurts morale)", "Ukraine's morale lost by mobilising");
        Add(RuleKey.MobiliseReadinessCost, 0.03, Design, "docs/game-model.md orders", "Ukraine's readiness lost by mobilising (new troops need training)");
        Add(RuleKey.FortifyReadinessGain, 0.05, Design, "docs/game-model.md orders", "Ukraine's readiness gained by fortifying");
        Add(RuleKey.ArmsReadinessGain, 0.03, Design, "docs/game-model.md orders (arms and intelligence)", "Ukraine's readiness gained per guarantor sending arms and intelligence");
        Add(RuleKey.SpendingForceGain, 5000, Design, "docs/game-model.md orders (Europe: raise spending)", "Troops Europe can make available by raising defence spending");
        Add(RuleKey.SpendingHeadroomUsed, 0.1, Design, "docs/game-model.md orders (Europe: raise spending)", "Spending headroom one raise of defence spending uses (and needs)");
        Add(RuleKey.SanctionsPerOrder, 1, Design, "docs/game-model.md orders (sanctions up or down)", "Sanctions pressure moved by one guarantor's order");
        Add(RuleKey.EvasionRelief, 1, Design, "docs/game-model.md orders (sanctions evasion)", "Sanctions pressure Russia's evasion takes off");

        // A–C
        Add(RuleKey.TripwireTroopScale, 1000, Design, "docs/game-model.md step A", "Troops per unit in T_i = c ln(1 + troops / scale)");
        Add(RuleKey.ReputationNeutral, 0.5, Design, "docs/game-model.md step A", "Reputation that neither adds to nor takes from commitment");
        Add(RuleKey.ReputationWeight, 2, Design, "docs/game-model.md step A", "Weight of reputation in commitment: w (Rep - neutral)");
        Add(RuleKey.DeterrenceGoal, 0.6, Design, "docs/game-model.md roles (Ukraine wants D >= 0.6)", "The deterrence Ukraine aims for");
        Add(RuleKey.GainResolveBase, 0.5, Design, "docs/game-model.md step C", "Russia's gains scale with (base + true resolve)");

        // D
        Add(RuleKey.IncidentRussiaShare, 0.6, Design, "docs/game-model.md step D", "Chance a minor incident was started by Russia rather than Ukraine");

        // E
        Add(RuleKey.LossesLimited, 0.01, Design, "docs/game-model.md step E", "Share of Russia's forces lost in a limited offensive");
        Add(RuleKey.LossesMajor, 0.03, Design, "docs/game-model.md step E", "Share of Russia's forces lost in a major offensive");
        Add(RuleKey.DefenderLossRatio, 0.7, Design, "docs/game-model.md step E", "Ukraine's losses in an offensive as a share of Russia's loss rate");
        Add(RuleKey.CounterAttackCommitted, 0.5, Design, "docs/game-model.md orders (counter-attack)", "Share of Ukraine's forces a counter-attack commits");
        Add(RuleKey.CounterAttackDefending, 0.5, Design, "docs/game-model.md orders (counter-attack)", "Share of Russia's forces defending against a counter-attack");
        Add(RuleKey.CounterAttackLosses, 0.02, Design, "docs/game-model.md orders (counter-attack)", "Share of Ukraine's forces lost in a counter-attack");
        Add(RuleKey.RallySupportGain, 0.1, Design, "docs/game-model.md step E1", "Domestic support gained when the public rallies after casualties");
        Add(RuleKey.ExitSupportLoss, 0.15, Design, "direction: Beirut 1983, Mogadishu 1993", "Domestic support lost when casualties bring exit pressure");

        // F, G
        Add(RuleKey.AmbiguityPublicness, 0.5, Design, "docs/game-model.md step F", "Publicness of a commitment with an ambiguity clause (1 without)");
        Add(RuleKey.LowSupportThreshold, 0.35, Design, "government change LIT: Leeds 2003", "Domestic support below which reversal is likelier");

        // H: role objectives (game-model.md roles table); points per turn
        const string Objectives = "docs/game-model.md step H (role objectives)";
        Add(RuleKey.ScoreNatoPledge, -3, Design, Objectives, "Ukraine, sovereignty: the ceasefire carries a NATO non-accession pledge");
        Add(RuleKey.ScoreForceCap, -2, Design, Objectives, "Ukraine, sovereignty: the ceasefire caps Ukraine's forces");
        Add(RuleKey.ScoreCeasefireHolds, 5, Design, Objectives, "Ukraine: a ceasefire in force (lost again when one collapses)");
        Add(RuleKey.ScoreDeterrence, 5, Design, Objectives, "Ukraine: points at the deterrence goal, in proportion below it");
        Add(RuleKey.ScoreTerritory, 5, Design, Objectives, "Ukraine and Russia: points per % of territory changing hands");
        Add(RuleKey.ScoreReconstructionMinerals, 2, Design, Objectives, "Ukraine, reconstruction: a minerals deal brings investment");
        Add(RuleKey.ScoreReconstructionSpending, 1, Design, Objectives, "Ukraine, reconstruction: Europe raised spending");
        Add(RuleKey.ScoreTroopsPerPoint, 5000, Design, Objectives, "Russia (Western troops) and the US (its cost): troops per point");
        Add(RuleKey.ScoreSanctionsPerLevel, 0.5, Design, Objectives, "Russia, sanctions relief: points lost per level of sanctions pressure");
        Add(RuleKey.ScoreNoNato, 3, Design, Objectives, "Russia: the ceasefire carries a NATO non-accession pledge");
        Add(RuleKey.ScoreRussiaAtWarWithUs, -20, Design, Objectives, "Russia: US forces fought Russia");
        Add(RuleKey.ScoreUsAtWarWithRussia, -15, Design, Objectives, "United States: its forces fought Russia");
        Add(RuleKey.ScoreArmsCost, -1, Design, Objectives, "United States, low cost: arms and intelligence support");
        Add(RuleKey.ScoreReputation, 10, Design, Objectives, "Guarantors: points per unit of reputation above neutral (and per unit gained by honouring)");
        Add(RuleKey.ScoreMineralsAtPeace, 4, Design, Objectives, "United States: minerals returns while a ceasefire holds");
        Add(RuleKey.ScoreMineralsAtWar, 1, Design, Objectives, "United States: minerals returns while war disrupts them");
        Add(RuleKey.ScoreSecurityDeterrence, 5, Design, Objectives, "Europe, European security: points per unit of deterrence");
        Add(RuleKey.ScoreSecurityCeasefire, 3, Design, Objectives, "Europe, European security: a ceasefire holds (lost without one)");
        Add(RuleKey.ScoreUsEngaged, 3, Design, Objectives, "Europe: the United States guarantees Ukraine");
        Add(RuleKey.ScoreBurdenTroopsPerPoint, 10_000, Design, Objectives, "Europe, fair burden share: its troops beyond the US's per point lost");
        Add(RuleKey.ScoreSpendingCost, -1, Design, Objectives, "Europe: raising defence spending costs");
        Add(RuleKey.ScoreIncidentAttributed, -2, Design, Objectives, "Ceasefire conduct: a minor incident attributed to you (step D)");
        Add(RuleKey.ScoreCeasefireBroken, -3, Design, Objectives, "Ceasefire conduct: you broke the ceasefire (step D)");

        // Round 2: secrecy, perception, hedging, withdrawal, institutions, peacekeepers, maturing stakes
        const string Doc = "docs/game-model.md";
        Add(RuleKey.SecretPublicness, 0.25, Design, $"{Doc} step F; direction: Fearon 1994, 1997 (audience costs need an audience)", "Publicness of a secret guarantee when it comes to light (1 for a public one)");
        Add(RuleKey.RatificationDebatePublicness, 0.5, Design, $"{Doc} step F; direction: Martin 2005 (a legislature's vote makes a commitment public and binding)", "Publicness a public treaty or congressional-executive agreement adds by its ratification debate");
        Add(RuleKey.StatementPublicness, 0.25, Design, $"{Doc} step F; direction: Fearon 1994", "Publicness each net strengthening statement adds (a weakening one takes it off)");
        Add(RuleKey.StatementShift, 0.3, Design, $"{Doc} step A; direction: Acheson's January 1950 'defense perimeter' speech (Reiter & Poast 2021)", "Commitment logit each net statement adds (strengthen) or takes off (weaken)");
        Add(RuleKey.StatementLimit, 2, Design, $"{Doc} step A", "Net statements that count, either way (talk has diminishing returns)");
        Add(RuleKey.PerceptionNoise, 0.8, Design, $"{Doc} step C; direction: Jervis 1976 (deterrence works through the adversary's beliefs)", "Widest error, in logits, of Russia's estimate of each C_i and K_S");
        Add(RuleKey.IntelligenceNoiseReduction, 0.6, Design, $"{Doc} step C", "Share of that error Russia's intelligence (0-1) removes at its best");
        Add(RuleKey.DeterrenceThreshold, 0.4, Design, $"{Doc} step D; direction: Huth 1988, Fearon 1997 (a commitment read as a bluff does not deter)", "Perceived D below which Russia is not deterred at all: h uses e^(-c max(0, D - threshold))");
        Add(RuleKey.CeasefireValue, 10, Design, $"{Doc} step C", "Russia's utility of keeping a ceasefire in force (Comply's line under a ceasefire; 0 at war)");
        Add(RuleKey.DrawdownAudienceShare, 0.5, Design, $"{Doc} step F; direction: Fearon 1994; Korea 1949-50 (Reiter & Poast 2021)", "Audience cost of a detected drawdown, as a share of backing down's");
        Add(RuleKey.DrawdownRenegeShare, 0.5, Design, $"{Doc} step F; direction: Huth 1988", "Reputation lost by a drawdown, as a share of a renege's loss");
        Add(RuleKey.EnablerFloor, 0.3, Design, $"{Doc} step B", "Share of the enabler bonus that needs no troops in Ukraine (air and ISR from outside)");
        Add(RuleKey.EnablerFullTroops, 10_000, Design, $"{Doc} step B", "Troops in Ukraine at which the enabler bonus counts in full");
        Add(RuleKey.WarPowersVerbal, 0.4, Design, $"{Doc} step E2; direction: War Powers Resolution 1973 (force without congressional authorisation)", "P(Congress blocks fighting) under a verbal memorandum");
        Add(RuleKey.HrPeacekeepers, 0.5, Design, $"{Doc} step D; direction: Fortna 2004 (interstate), 2008 (peacekeeping works)", "Hazard ratio of armed peacekeepers");
        Add(RuleKey.AttributionWithPeacekeepers, 0.7, Design, $"{Doc} step D; direction: CSIS 2025 (monitors make attribution likely)", "Chance an incident is attributed, with armed peacekeepers (watching is the monitors' whole job)");
        Add(RuleKey.DrawnInPeacekeepers, 0.5, Design, $"{Doc} step E1; direction: Beirut 1983, Srebrenica 1995", "Chance a guarantor's armed peacekeepers are caught in an offensive");
        Add(RuleKey.DrawnInMonitors, 0.15, Design, $"{Doc} step E1", "Chance a guarantor's unarmed monitors are caught in an offensive");
        Add(RuleKey.HrMediators, 0.9, Design, $"{Doc} step D; direction: Walter 2002 (third parties help commitment)", "Hazard ratio of a ceasefire with a guarantor as mediator");
        Add(RuleKey.StakeInitialShare, 0.3, Design, $"{Doc} step A; direction: the US-Ukraine minerals agreement of 30 April 2025 pays as projects come online", "Share of an economic stake that counts at signing");
        Add(RuleKey.StakeMaturityTurns, 6, Design, $"{Doc} step A", "Turns after signing until an economic stake counts in full");

        // The counterfactuals' "what if" sizes: they shape only explanations, so a scenario may tune them for its seminar.
        const string Counterfactuals = $"{Doc} records (each outcome with one counterfactual); a probe size chosen to be legible, not calibrated";
        Add(RuleKey.ProbeCongressMood, 0.2, Design, Counterfactuals, "A ratification's counterfactual: Congress this much warmer");
        Add(RuleKey.ProbeDeterrence, 0.2, Design, Counterfactuals, "Russia's outlook's counterfactual: deterrence this much higher");
        Add(RuleKey.ProbeTripwireTroops, 10_000, Design, Counterfactuals, "A memorandum without forces' counterfactual: a tripwire of this many troops");
        Add(RuleKey.ProbeGuarantorCredibility, 0.5, Design, Counterfactuals, "Deterrence's counterfactual: one more guarantor this credible");
        return table;
    }
}
