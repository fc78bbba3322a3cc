using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Adjudication;

/// <summary>
/// One term of an adjudication: its name in plain words, its value, and where the number comes from. The symbol or
/// formula behind it (C_i, L_form, "q x troops") is kept apart in <see cref="Formula"/>, for readers who open it.
/// </summary>
public sealed record Term(string Name, double Value, string Tag, string Source)
{
    public string? Formula { get; init; }
}

/// <summary>
/// The explanation of one outcome: step (A–H), subject, every term, the threshold (basis points) and the
/// d10000 roll when there was one, the outcome, the precedent it resembles and one counterfactual line.
/// <see cref="VisibleTo"/> empty means public; otherwise only those roles (and the facilitator) see it.
/// </summary>
public sealed record ResolutionRecord
{
    /// <summary>"T{turn}-{step}-{kind}-{subject}" (<see cref="RecordKinds.Id"/>): stable, named by the facilitator's adjustments.</summary>
    public required string Id { get; init; }
    /// <summary>What the record explains, read from its id (so the log stores it once).</summary>
    [JsonIgnore]
    public RecordKind Kind => RecordKinds.FromId(Id) ?? throw new InvalidOperationException($"'{Id}' is not a resolution record id.");
    public required int Turn { get; init; }
    /// <summary>The step letter, A to H, as its kind says (written beside the id for clients).</summary>
    public required string Step { get; init; }
    public required string Title { get; init; }
    public required string Subject { get; init; }
    public ImmutableArray<Term> Terms { get; init; } = [];
    /// <summary>Probability (or value) in basis points: the roll succeeds when roll &lt;= threshold.</summary>
    public int? ThresholdBp { get; init; }
    /// <summary>d10000 roll, 1..10000; null when the step has no roll.</summary>
    public int? Roll { get; init; }
    public required string Outcome { get; init; }
    public string? Precedent { get; init; }
    public string Counterfactual { get; init; } = "";
    public ImmutableArray<Role> VisibleTo { get; init; } = [];
    public double? Adjustment { get; init; }
    public string? AdjustmentReason { get; init; }
    /// <summary>A roll the facilitator may shift during the turn's debrief (within the phase table's limit).</summary>
    public bool Adjustable => Roll is not null;
}

/// <summary>A role's score this turn, line by line, each naming the mechanic that moved it.</summary>
public sealed record ScoreLine(string Objective, double Points, string Because);

public sealed record RoleScore(Role Role, double Turn, double Total, ImmutableArray<ScoreLine> Lines);

/// <summary>Credibility of one guarantor on one guarantee (steps A–C).</summary>
public sealed record CredibilityPoint(int AgreementId, Role Guarantor, double Commitment, double Capability, double Credibility);

/// <summary>Numbers for the charts, one set per turn.</summary>
public sealed record TurnMetrics
{
    public required int Turn { get; init; }
    public ImmutableArray<CredibilityPoint> Credibility { get; init; } = [];
    /// <summary>D of the guarantees every role knows of (true values; a secret guarantee deters nobody).</summary>
    public double Deterrence { get; init; }
    /// <summary>Russia's estimate of D, which its choices and the hazard follow (Russia's and the facilitator's eyes only; null for others).</summary>
    public double? RussianEstimate { get; init; }
    /// <summary>Russia's estimates of each guarantor's C, K and credibility (Russia's and the facilitator's eyes only).</summary>
    public ImmutableArray<CredibilityPoint> Perceived { get; init; } = [];
    /// <summary>Ceasefire hazard this turn (Russia's and the facilitator's eyes only); null without a ceasefire.</summary>
    public double? Hazard { get; init; }
    public double Territory { get; init; }
    public ImmutableSortedDictionary<Role, double> Scores { get; init; } = ImmutableSortedDictionary<Role, double>.Empty;
    public ImmutableSortedDictionary<Role, double> Reputation { get; init; } = ImmutableSortedDictionary<Role, double>.Empty;
}

/// <summary>Everything one turn's resolution produced (the world after it travels beside it in the event).</summary>
public sealed record TurnOutcome
{
    public required int Turn { get; init; }
    public ImmutableArray<ResolutionRecord> Records { get; init; } = [];
    public ImmutableArray<RoleScore> Scores { get; init; } = [];
    public required TurnMetrics Metrics { get; init; }
    /// <summary>Tests of guarantees resolved this turn: (guarantor, honoured).</summary>
    public ImmutableArray<TestOutcome> Tests { get; init; } = [];
    public bool CeasefireCollapsed { get; init; }
}

public sealed record TestOutcome(int AgreementId, Role Guarantor, string Response, bool Honoured);
