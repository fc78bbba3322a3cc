namespace Wargame.Domain.Adjudication;

/// <summary>The steps of a resolution, in the order they run (game-model.md).</summary>
public enum ResolutionStep { A, B, C, D, E, F, G, H }

/// <summary>What a resolution record explains. Code finds records by kind, never by their titles.</summary>
public enum RecordKind
{
    // A commitment
    Ratification,
    Statement,
    Commitment,
    // B capability
    Capability,
    // C credibility and deterrence
    Credibility,
    Deterrence,
    RussianOutlook,
    Perception,
    // D ceasefire hazard and violations
    Hazard,
    Spoiler,
    Incident,
    Attribution,
    ProbeViolation,
    OffensiveViolation,
    CounterAttackViolation,
    ForceCapBreach,
    // E guarantees tested
    TripwireShortfall,
    Drawdown,
    Disclosure,
    DrawnIn,
    CongressBlocks,
    Denial,
    Offensive,
    GuaranteeTested,
    Rally,
    CounterAttack,
    // F reputation and audience costs
    Reputation,
    // G domestic reversal
    Reversal,
    // H scores
    Score,
}

/// <summary>Each kind's step, the name in its record ids ("T3-D-incident-c1") and the name of its dice draw.</summary>
public static class RecordKinds
{
    private sealed record Info(ResolutionStep Step, string IdName, string DrawName);

    private static readonly Dictionary<RecordKind, Info> Table = new()
    {
        [RecordKind.Ratification] = new(ResolutionStep.A, "ratification", "ratification"),
        [RecordKind.Statement] = new(ResolutionStep.A, "statement", "statement"),
        [RecordKind.Commitment] = new(ResolutionStep.A, "commitment", "commitment"),
        [RecordKind.Capability] = new(ResolutionStep.B, "capability", "capability"),
        [RecordKind.Credibility] = new(ResolutionStep.C, "credibility", "credibility"),
        [RecordKind.Deterrence] = new(ResolutionStep.C, "deterrence", "deterrence"),
        [RecordKind.RussianOutlook] = new(ResolutionStep.C, "russian-outlook", "russian-outlook"),
        [RecordKind.Perception] = new(ResolutionStep.C, "perception", "perception"),
        [RecordKind.Hazard] = new(ResolutionStep.D, "hazard", "hazard"),
        [RecordKind.Spoiler] = new(ResolutionStep.D, "spoiler", "spoiler"),
        [RecordKind.Incident] = new(ResolutionStep.D, "incident", "incident"),
        [RecordKind.Attribution] = new(ResolutionStep.D, "attribution", "attribution"),
        [RecordKind.ProbeViolation] = new(ResolutionStep.D, "violation-grey-zone-probe", "violation-grey-zone-probe"),
        [RecordKind.OffensiveViolation] = new(ResolutionStep.D, "violation-offensive", "violation-offensive"),
        [RecordKind.CounterAttackViolation] = new(ResolutionStep.D, "violation-counter-attack", "violation-counter-attack"),
        [RecordKind.ForceCapBreach] = new(ResolutionStep.D, "violation-force-cap", "violation-force-cap"),
        [RecordKind.TripwireShortfall] = new(ResolutionStep.E, "tripwire-shortfall", "tripwire-shortfall"),
        [RecordKind.Drawdown] = new(ResolutionStep.E, "drawdown", "drawdown"),
        [RecordKind.Disclosure] = new(ResolutionStep.E, "disclosure", "disclosure"),
        [RecordKind.DrawnIn] = new(ResolutionStep.E, "drawn-in", "drawn-in"),
        // The draw kept its first name when the record was named: renaming a draw would change every game's rolls.
        [RecordKind.CongressBlocks] = new(ResolutionStep.E, "congress", "congress-blocks"),
        [RecordKind.Denial] = new(ResolutionStep.E, "denial", "denial"),
        [RecordKind.Offensive] = new(ResolutionStep.E, "offensive", "offensive"),
        [RecordKind.GuaranteeTested] = new(ResolutionStep.E, "tested", "tested"),
        [RecordKind.Rally] = new(ResolutionStep.E, "rally", "rally"),
        [RecordKind.CounterAttack] = new(ResolutionStep.E, "counter-attack", "counter-attack"),
        [RecordKind.Reputation] = new(ResolutionStep.F, "reputation", "reputation"),
        [RecordKind.Reversal] = new(ResolutionStep.G, "reversal", "reversal"),
        [RecordKind.Score] = new(ResolutionStep.H, "score", "score"),
    };

    /// <summary>"D-violation-offensive-" and the like, longest first, so the most specific id name matches.</summary>
    private static readonly (string Prefix, RecordKind Kind)[] Prefixes =
        [.. Table.Select(kv => ($"{kv.Value.Step}-{kv.Value.IdName}-", kv.Key)).OrderByDescending(p => p.Item1.Length)];

    public static ResolutionStep Step(this RecordKind kind) => Table[kind].Step;

    /// <summary>The draw's kind for <see cref="Dice.Roll(ulong, int, string, string)"/>.</summary>
    public static string DrawName(this RecordKind kind) => Table[kind].DrawName;

    /// <summary>The stable id of a record: "T{turn}-{step}-{kind}-{subject}", which the facilitator's adjustments name.</summary>
    public static string Id(int turn, RecordKind kind, string subject) => $"T{turn}-{kind.Step()}-{Table[kind].IdName}-{subject}";

    /// <summary>The kind an id names; null for a string that is no record id.</summary>
    public static RecordKind? FromId(string id)
    {
        // "T3-D-violation-offensive-RU-c1": after the turn, the step and the longest id name that matches.
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
            return null;
        var rest = id.AsSpan(dash + 1);
        foreach (var (prefix, kind) in Prefixes)
        {
            if (rest.StartsWith(prefix, StringComparison.Ordinal))
                return kind;
        }
        return null;
    }
}
