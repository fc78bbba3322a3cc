using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Wargame.Domain.Adjudication;

namespace Wargame.Domain.Headlines;

/// <summary>
/// The headline sentence of a record the front page's lead did not already tell: one per event (a statement, a
/// drawdown, a disclosure, people drawn in...), one per kind for the routine numbers. Written from the record as the
/// audience reads it (agreements already by its numbers), so it says nothing the record does not.
/// </summary>
internal static partial class RecordSentences
{
    public static HeadlineSentence Of(ResolutionRecord r)
    {
        var (who, guarantee) = Split(r.Subject);
        var happened = r.Roll is { } roll && roll <= r.ThresholdBp;
        HeadlineSentence Lead(string text, HeadlineTopic topic) => new(text, r.Id) { Topic = topic };
        HeadlineSentence More(string text, HeadlineTopic topic) => new(text, r.Id) { Topic = topic, More = true };
        return r.Kind switch
        {
            RecordKind.Ratification => Lead(happened
                ? $"The Senate ratified {r.Subject}: the treaty is in force."
                : $"The Senate has not ratified {r.Subject} yet: it is signed but not in force.", HeadlineTopic.Guarantee),
            RecordKind.Statement => Lead($"On {guarantee}, {FirstClause(r.Outcome)}"
                + (r.Outcome.Contains("makes the secret guarantee public", StringComparison.Ordinal) ? ", and so made it public." : "."), HeadlineTopic.Guarantee),
            RecordKind.TripwireShortfall => Lead($"{who} has fewer troops in Ukraine than {guarantee} promises: a breach.", HeadlineTopic.Guarantee),
            RecordKind.Drawdown => Lead($"{who} drew its troops below what {guarantee} promised: a breach that costs it reputation at home and abroad.", HeadlineTopic.Guarantee),
            RecordKind.Disclosure => Lead($"A secret guarantee came to light: {r.Subject} is public from now on.", HeadlineTopic.Guarantee),
            RecordKind.Reversal => happened
                ? Lead($"Domestic politics reversed {Possessive(who)} commitment to {guarantee}.", HeadlineTopic.Guarantee)
                : More($"{Possessive(who)} commitment to {guarantee} survived domestic politics this turn.", HeadlineTopic.Guarantee),
            RecordKind.DrawnIn => happened
                ? Lead($"{Capital(r.Subject)} were caught in the offensive and took casualties.", HeadlineTopic.Consequence)
                : More($"{Capital(r.Subject)} stayed out of the fighting.", HeadlineTopic.Consequence),
            RecordKind.Rally => Lead(happened
                ? $"After casualties among {r.Subject}, the public at home rallied behind them."
                : $"After casualties among {r.Subject}, the public at home presses to bring them back.", HeadlineTopic.Consequence),
            RecordKind.CongressBlocks => Lead(happened
                ? "Congress blocked US forces from fighting: the United States' answer falls back to limited support."
                : "Congress did not block US forces from fighting.", HeadlineTopic.Consequence),
            RecordKind.ForceCapBreach => Lead($"Ukraine's forces exceed the cap that {r.Subject} sets: a breach.", HeadlineTopic.Ceasefire),
            RecordKind.ProbeViolation => Lead($"Russia probed the line of {r.Subject} in the grey zone: a breach, though not an attack.", HeadlineTopic.Ceasefire),
            RecordKind.OffensiveViolation => Lead($"Russia's offensive violated {r.Subject}.", HeadlineTopic.CeasefireBroken),
            RecordKind.CounterAttackViolation => Lead($"Ukraine's counter-attack violated {r.Subject}.", HeadlineTopic.CeasefireBroken),
            RecordKind.Spoiler => happened
                ? Lead($"Spoilers wrecked {r.Subject}.", HeadlineTopic.CeasefireBroken)
                : More($"Spoilers tried to wreck {r.Subject}; it survived.", HeadlineTopic.Ceasefire),
            RecordKind.Incident => More(happened ? $"An incident along the line of {r.Subject}." : $"The line of {r.Subject} was quiet.", HeadlineTopic.Ceasefire),
            RecordKind.Attribution => More(happened ? $"The incident on {r.Subject} was attributed to one side." : $"Nobody could say who started the incident on {r.Subject}.", HeadlineTopic.Ceasefire),
            RecordKind.Hazard => More($"The chance that {r.Subject} breaks down this turn (its hazard) was {Percent(r.ThresholdBp)}.", HeadlineTopic.Numbers),
            RecordKind.Deterrence => More($"Deterrence from the guarantees every role knows of stands at {Value(r.ThresholdBp)}.", HeadlineTopic.Numbers),
            RecordKind.Perception => More($"Russia estimates deterrence at {Value(r.ThresholdBp)}.", HeadlineTopic.Numbers),
            RecordKind.RussianOutlook => More(BestAndChosen().Match(r.Outcome) is { Success: true } m
                ? $"On its own estimate Russia's best option was {m.Groups[1].Value}; it chose {m.Groups[2].Value}."
                : $"Russia weighed its options: {FirstSentence(r.Outcome)}", HeadlineTopic.Numbers),
            RecordKind.Offensive => Lead(happened ? $"Russia's {r.Title.ToLowerInvariant()} broke through." : $"Russia launched a {r.Title.ToLowerInvariant()}; Ukraine's defence held.", HeadlineTopic.Russia),
            RecordKind.CounterAttack => Lead(happened ? "Ukraine's counter-attack retook ground." : "Ukraine's counter-attack stalled.", HeadlineTopic.CounterAttack),
            RecordKind.GuaranteeTested => Lead($"The offensive tested {r.Subject}: its guarantors must answer in next turn's orders.", HeadlineTopic.GuaranteeTested),
            RecordKind.Denial => Lead(happened ? "The guarantors' fight denied Russia its objective." : "The guarantors fought, but Russia kept its gains.", HeadlineTopic.Denial),
            RecordKind.Reputation => Lead(r.Outcome.StartsWith("Honoured", StringComparison.Ordinal)
                ? $"{who} honoured {guarantee}." : $"{who} backed down on {guarantee}.", HeadlineTopic.GuaranteeAnswered),
            RecordKind.Commitment or RecordKind.Capability or RecordKind.Credibility or RecordKind.Score => Summary(r.Kind, [r]),
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Kind, "A record kind without a headline sentence."),
        };
    }

    /// <summary>One sentence for all of a turn's records of a routine kind, linked to the first.</summary>
    public static HeadlineSentence Summary(RecordKind kind, ImmutableArray<ResolutionRecord> records)
    {
        var list = string.Join("; ", records.Select(r => kind switch
        {
            RecordKind.Capability => $"{Capability(r.Subject)} {Value(r.ThresholdBp)}",
            RecordKind.Score => $"{r.Subject} {FirstClause(r.Outcome)}",
            _ => $"{r.Subject} {Value(r.ThresholdBp)}",
        }));
        var text = kind switch
        {
            RecordKind.Commitment => $"How likely each guarantor is to honour a test (commitment): {list}.",
            RecordKind.Capability => $"The chance each guarantee's forces could deny Russia its objective (capability): {list}.",
            RecordKind.Credibility => $"Commitment and capability together (credibility): {list}.",
            RecordKind.Score => $"Score: {list}.",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind written once per turn."),
        };
        return new HeadlineSentence(text, records[0].Id) { Topic = HeadlineTopic.Numbers, More = true };
    }

    /// <summary>"United States on guarantee #2" as ("United States", "guarantee #2"); a subject without "on" is both.</summary>
    private static (string Who, string Guarantee) Split(string subject)
    {
        var at = subject.IndexOf(" on ", StringComparison.Ordinal);
        return at < 0 ? (subject, subject) : (subject[..at], subject[(at + 4)..]);
    }

    /// <summary>"guarantors of #1: United States, Europe" as "guarantee #1 (United States, Europe)".</summary>
    private static string Capability(string subject) => CapabilitySubject().Match(subject) is { Success: true } m ? $"guarantee {m.Groups[1].Value} ({m.Groups[2].Value})" : subject;

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The words before the outcome's first colon or full stop (its plain statement, before the numbers).</summary>
    private static string FirstClause(string outcome)
    {
        var end = outcome.IndexOfAny([':', ';']);
        var clause = end < 0 ? outcome : outcome[..end];
        return clause.TrimEnd('.');
    }

    private static string FirstSentence(string outcome)
    {
        var end = outcome.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? outcome : outcome[..(end + 1)];
    }

    private static string Value(int? basisPoints) => Fmt.Two((basisPoints ?? 0) / 10_000.0);

    private static string Percent(int? basisPoints) => Fmt.Pct1((basisPoints ?? 0) / 10_000.0);

    [GeneratedRegex(@"best option: ([^;]+); chosen: ([^:]+):")]
    private static partial Regex BestAndChosen();

    [GeneratedRegex(@"^guarantors of (#[0-9]+|\(undisclosed\)): (.+)$")]
    private static partial Regex CapabilitySubject();
}
