using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Views;

namespace Wargame.Domain.Headlines;

/// <summary>One sentence of a headline and the resolution record that explains it (null for a plain fact no record explains).</summary>
public sealed record HeadlineSentence(string Text, string? RecordId)
{
    public HeadlineTopic Topic { get; init; }
    /// <summary>The role the sentence is about, for a guarantor's answer.</summary>
    public Role? Role { get; init; }
    /// <summary>Folded under "More this turn": the turn's routine numbers and the smaller events, so the front page stays short.</summary>
    public bool More { get; init; }
}

/// <summary>What a headline sentence reports (the timeline marks the ones that matter on the time axis).</summary>
public enum HeadlineTopic
{
    Russia, CounterAttack, Ceasefire, CeasefireBroken, GuaranteeTested, GuaranteeAnswered, Denial, Deterrence,
    /// <summary>A guarantee's standing changed: ratified, stated, drawn down, disclosed, reversed, or its tripwire short.</summary>
    Guarantee,
    /// <summary>People on the line or at home: monitors drawn in, casualties, Congress, a breach of a force cap.</summary>
    Consequence,
    /// <summary>The turn's routine numbers: commitment, capability, credibility, hazard, Russia's estimate and outlook, scores.</summary>
    Numbers,
}

/// <summary>A turn's front page for one audience: a title and a few sentences, each linked to its record.</summary>
public sealed record TurnHeadline(int Turn, string Title, ImmutableArray<HeadlineSentence> Sentences);

/// <summary>
/// Writes each resolved turn's headline from that turn's records an audience may see, and the public numbers of the
/// charts (deterrence, credibility, territory): what Russia did, whether the ceasefire held, guarantees tested and
/// answered, and how deterrence moved with the one or two largest changes behind it. It is given nothing else, so a
/// headline cannot tell an audience what its records do not.
/// </summary>
public static class TurnHeadlines
{
    /// <summary>Changes smaller than this (in deterrence, commitment or capability) are reported as steady.</summary>
    private const double Steady = 0.005;
    private const int MaxReasons = 2;

    /// <summary>The metrics of the scenario's starting world, true and as Russia estimates them: turn 0 of the charts, before any audience's filter.</summary>
    public static TurnMetrics Start(Scenario scenario, RulesTable constants, ulong seed)
    {
        var world = World.FromScenario(scenario, constants);
        var start = Deterrence.Assess(world, constants);
        var estimate = Perception.Of(world, constants, start, seed);
        return new TurnMetrics
        {
            Turn = 0,
            Deterrence = start.Deterrence,
            RussianEstimate = estimate.Deterrence,
            Territory = scenario.Territory,
            Credibility = [.. start.Guarantors.Select(a => new CredibilityPoint(a.AgreementId, a.Guarantor, a.Commitment, a.Capability, a.Credibility))],
            Perceived = [.. estimate.Guarantors.Select(p => new CredibilityPoint(p.AgreementId, p.Guarantor, p.Commitment, p.Capability, p.Credibility))],
        };
    }

    /// <summary>One turn's headline from the records the audience sees and the public metrics before and after it.</summary>
    public static TurnHeadline Write(TurnOutcome outcome, ImmutableArray<ResolutionRecord> records, TurnMetrics before, IReadOnlyDictionary<int, int> numbers)
    {
        string Number(int agreementId) => numbers.TryGetValue(agreementId, out var n) ? $"#{n}" : AgreementNumbers.Undisclosed;
        var sentences = new List<HeadlineSentence>();
        var titles = new List<string>();
        // Each record's kind is read from its id once here, not once per question asked of the records.
        var kinds = new RecordKind[records.Length];
        for (var i = 0; i < kinds.Length; i++)
            kinds[i] = records[i].Kind;
        ResolutionRecord? Find(RecordKind kind) => Array.IndexOf(kinds, kind) is var i and >= 0 ? records[i] : null;
        bool Happened(ResolutionRecord r) => r.Roll is { } roll && roll <= r.ThresholdBp;
        var after = outcome.Metrics;
        var territoryChange = after.Territory - before.Territory;
        // Russia reads its own estimate (the perception record) where the others read the true deterrence.
        var deterrenceRecord = Find(RecordKind.Deterrence) ?? Find(RecordKind.Perception);

        // What Russia did, as far as the records show it.
        var offensive = Find(RecordKind.Offensive);
        var probe = Find(RecordKind.ProbeViolation);
        if (offensive is not null)
        {
            var kind = offensive.Title.ToLowerInvariant();
            if (Happened(offensive))
            {
                sentences.Add(new($"Russia's {kind} broke through: Ukraine holds {Fmt.One(after.Territory)}% of its territory, {Fmt.One(Math.Abs(territoryChange))} points {(territoryChange <= 0 ? "less" : "more")} than a turn ago.", offensive.Id));
                titles.Add($"Russian {kind} takes ground");
            }
            else
            {
                sentences.Add(new($"Russia launched a {kind}; Ukraine's defence held.", offensive.Id));
                titles.Add($"Ukraine holds against a Russian {kind}");
            }
        }
        else if (probe is not null)
            sentences.Add(new("Russia probed the ceasefire line in the grey zone: a breach, though not an attack.", probe.Id));
        else
            sentences.Add(new("Russia launched no offensive.", deterrenceRecord?.Id));

        var counter = Find(RecordKind.CounterAttack);
        if (counter is not null)
            sentences.Add(new(Happened(counter) ? "Ukraine's counter-attack retook ground." : "Ukraine's counter-attack stalled.", counter.Id) { Topic = HeadlineTopic.CounterAttack });

        // The ceasefire.
        var brokenAt = Array.FindIndex(kinds, k => k is RecordKind.OffensiveViolation or RecordKind.CounterAttackViolation);
        var broken = brokenAt >= 0 ? records[brokenAt] : null;
        var spoiler = Find(RecordKind.Spoiler);
        var incident = Find(RecordKind.Incident);
        if (broken is not null)
        {
            var who = kinds[brokenAt] == RecordKind.OffensiveViolation ? "Russia's offensive" : "Ukraine's counter-attack";
            sentences.Add(new($"The ceasefire broke: {who} violated {broken.Subject}.", broken.Id) { Topic = HeadlineTopic.CeasefireBroken });
            titles.Insert(0, "Ceasefire broken");
        }
        else if (spoiler is not null && Happened(spoiler))
        {
            sentences.Add(new($"Spoilers wrecked {spoiler.Subject}: the ceasefire collapsed.", spoiler.Id) { Topic = HeadlineTopic.CeasefireBroken });
            titles.Insert(0, "Spoilers wreck the ceasefire");
        }
        else if (incident is not null)
        {
            var attribution = Find(RecordKind.Attribution);
            var detail = !Happened(incident) ? "the line was quiet"
                : attribution is null ? "with an incident along the line"
                : Happened(attribution) ? "an incident along the line was attributed to one side"
                : "an incident along the line could not be attributed";
            sentences.Add(new($"The ceasefire held; {detail}.", attribution is not null && Happened(incident) ? attribution.Id : incident.Id) { Topic = HeadlineTopic.Ceasefire });
            if (titles.Count == 0)
                titles.Add("Ceasefire holds");
        }
        else if (outcome.CeasefireCollapsed)
        {
            sentences.Add(new("The ceasefire collapsed.", null) { Topic = HeadlineTopic.CeasefireBroken });
            titles.Insert(0, "Ceasefire collapses");
        }
        else
            sentences.Add(new("No ceasefire was in force.", null) { Topic = HeadlineTopic.Ceasefire });

        // Guarantees tested this turn, and the answers to last turn's tests.
        for (var i = 0; i < records.Length; i++)
        {
            if (kinds[i] != RecordKind.GuaranteeTested)
                continue;
            var tested = records[i];
            sentences.Add(new($"The offensive tested {tested.Subject}: its guarantors must answer in next turn's orders.", tested.Id) { Topic = HeadlineTopic.GuaranteeTested });
            titles.Insert(0, "Guarantee tested");
        }
        foreach (var test in outcome.Tests)
        {
            var id = RecordKinds.Id(outcome.Turn, RecordKind.Reputation, $"{test.Guarantor}-g{test.AgreementId}");
            if (records.All(r => r.Id != id))
                continue;
            var answer = test.Honoured
                ? $"{test.Guarantor.DisplayName()} honoured guarantee {Number(test.AgreementId)} ({Answer(test.Response)})."
                : $"{test.Guarantor.DisplayName()} backed down on guarantee {Number(test.AgreementId)} ({Answer(test.Response)}).";
            sentences.Add(new(answer, id) { Topic = HeadlineTopic.GuaranteeAnswered, Role = test.Guarantor });
            titles.Add(test.Honoured ? $"{test.Guarantor.DisplayName()} stands by its guarantee" : $"{test.Guarantor.DisplayName()} backs down");
        }
        var denial = Find(RecordKind.Denial);
        if (denial is not null)
            sentences.Add(new(Happened(denial) ? "The guarantors' fight denied Russia its objective." : "The guarantors fought, but Russia kept its gains.", denial.Id) { Topic = HeadlineTopic.Denial });

        // Deterrence and the largest changes behind it.
        var (deterrenceSentence, deterrenceTitle) = DeterrenceSentence(before, after, records, deterrenceRecord?.Id, Number);
        sentences.Add(deterrenceSentence);
        if (deterrenceTitle is not null)
            titles.Add(deterrenceTitle);

        // Every other record the audience reads gets its own sentence (the routine numbers one per kind), so nothing
        // the turn did to this audience is missing from its front page.
        var linked = sentences.Select(x => x.RecordId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var group in records.Select((r, i) => (Record: r, Kind: kinds[i])).Where(x => !linked.Contains(x.Record.Id)).GroupBy(x => x.Kind, x => x.Record))
        {
            if (PerKind.Contains(group.Key))
                sentences.Add(RecordSentences.Summary(group.Key, [.. group]));
            else
                sentences.AddRange(group.Select(RecordSentences.Of));
        }

        var title = titles.Count == 0 ? "A quiet turn" : string.Join("; ", titles.Distinct().Take(2));
        title = char.ToUpperInvariant(title[0]) + title[1..];
        return new TurnHeadline(outcome.Turn, $"Turn {outcome.Turn}: {title}", [.. sentences]);
    }

    /// <summary>A change behind deterrence: its size, its words and the record that shows it.</summary>
    private sealed record Reason(double Size, string Text, string? RecordId);

    /// <summary>Kinds written as one sentence for the whole turn (one record per guarantor or guarantee, every turn).</summary>
    private static readonly HashSet<RecordKind> PerKind = [RecordKind.Commitment, RecordKind.Capability, RecordKind.Credibility, RecordKind.Score];

    private static (HeadlineSentence Sentence, string? Title) DeterrenceSentence(TurnMetrics before, TurnMetrics after, ImmutableArray<ResolutionRecord> records, string? deterrenceId, Func<int, string> number)
    {
        var (from, to) = (before.Deterrence, after.Deterrence);
        if (Math.Abs(to - from) < Steady)
            return (new($"Deterrence held at {Fmt.Two(to)}.", deterrenceId) { Topic = HeadlineTopic.Deterrence }, null);
        var reasons = Reasons(before, after, records, number).OrderByDescending(r => r.Size).ThenBy(r => r.Text, StringComparer.Ordinal).Take(MaxReasons).ToList();
        var moved = to > from ? "rose" : "fell";
        var because = reasons.Count == 0 ? "" : ": " + string.Join(" and ", reasons.Select(r => r.Text));
        // The sentence links the record of the largest change; the deterrence record when nothing single explains it.
        return (new($"Deterrence {moved} from {Fmt.Two(from)} to {Fmt.Two(to)}{because}.", reasons.FirstOrDefault()?.RecordId ?? deterrenceId) { Topic = HeadlineTopic.Deterrence },
            $"deterrence {moved} to {Fmt.Two(to)}");
    }

    /// <summary>Every change in commitment, capability and the guarantees that count, between two turns' public metrics.</summary>
    private static IEnumerable<Reason> Reasons(TurnMetrics before, TurnMetrics after, ImmutableArray<ResolutionRecord> records, Func<int, string> number)
    {
        string? Linked(RecordKind kind, string subject)
        {
            var id = RecordKinds.Id(after.Turn, kind, subject);
            return records.Any(r => r.Id == id) ? id : null;
        }
        static string Verb(double delta) => delta > 0 ? "rose" : "fell";
        var old = before.Credibility.ToDictionary(p => (p.AgreementId, p.Guarantor));
        var now = after.Credibility.ToDictionary(p => (p.AgreementId, p.Guarantor));
        foreach (var (key, p) in now)
        {
            var name = Possessive(key.Guarantor);
            if (!old.TryGetValue(key, out var q))
            {
                yield return new(p.Credibility, $"{name} guarantee {number(key.AgreementId)} now counts (credibility {Fmt.Two(p.Credibility)})",
                    Linked(RecordKind.Credibility, $"{key.Guarantor}-g{key.AgreementId}"));
                continue;
            }
            var commitment = p.Commitment - q.Commitment;
            if (Math.Abs(commitment) >= Steady)
                yield return new(Math.Abs(commitment), $"{name} commitment to guarantee {number(key.AgreementId)} {Verb(commitment)} from {Fmt.Two(q.Commitment)} to {Fmt.Two(p.Commitment)}",
                    Linked(RecordKind.Commitment, $"{key.Guarantor}-g{key.AgreementId}"));
        }
        foreach (var agreement in now.Keys.Select(k => k.AgreementId).Distinct())
        {
            var p = now.First(kv => kv.Key.AgreementId == agreement).Value;
            var q = old.FirstOrDefault(kv => kv.Key.AgreementId == agreement).Value;
            if (q is null || Math.Abs(p.Capability - q.Capability) < Steady)
                continue;
            var delta = p.Capability - q.Capability;
            yield return new(Math.Abs(delta), $"the capability behind guarantee {number(agreement)} {Verb(delta)} from {Fmt.Two(q.Capability)} to {Fmt.Two(p.Capability)}",
                Linked(RecordKind.Capability, $"g{agreement}"));
        }
        foreach (var (key, q) in old)
        {
            if (!now.ContainsKey(key))
                yield return new(q.Credibility, $"{Possessive(key.Guarantor)} guarantee {number(key.AgreementId)} no longer counts (it had credibility {Fmt.Two(q.Credibility)})", null);
        }
    }

    private static string Possessive(Role role) => role.DisplayName() is var name && name.EndsWith('s') ? name + "'" : name + "'s";

    private static string Answer(string response) => response switch
    {
        "Fight" => "its forces fought",
        "Limited" => "limited support",
        "SanctionsAndArms" => "sanctions and arms",
        "Nothing" => "it did nothing",
        _ => response,
    };
}
