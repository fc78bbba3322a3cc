using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;

namespace Wargame.Domain.Game;

/// <summary>Re-running a game's commands: the state it reached, or the first event the rules did not produce.</summary>
public sealed record Rerun(GameState? State, ImmutableArray<GameCommand> Commands, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Proves that a log is what the rules make of its commands: <see cref="Check"/> re-runs the commands from the log's
/// first event and compares every event they produce with the log, field by field. <see cref="Derive"/> finds those
/// commands for a log stored without them (a server keeps events only): for each event it tries the command that
/// produces it and keeps it only if the rules give back exactly the logged events. A command found so carries the
/// log's time where its rule needs one (a deadline's "now"), so it decides as the original did.
/// </summary>
public static class CommandLog
{
    /// <summary>A stamp for derived clocked commands whose time does not show in their events (clearing a deadline).</summary>
    private static readonly DateTimeOffset AnyTime = DateTimeOffset.UnixEpoch;

    public static Rerun Check(IReadOnlyList<GameEvent> log, IReadOnlyList<GameCommand> commands)
    {
        var state = Rules.Begin(log[0]);
        var at = 1;
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            var applied = command is null ? null : Rules.Apply(state, command);
            if (applied is not { IsAccepted: true })
                return Fail(applied?.Rejection is { } refused
                    ? $"command {i + 1} ({Name(command)}) is refused by the rules{(at < log.Count ? $" at event {at + 1} ({TypeName(log[at])})" : "")} ({refused.Code}): {refused.Message}"
                    : $"command {i + 1} is empty");
            if (Difference(applied.Events, log, at) is { } difference)
                return Fail($"event {difference.Index + 1} ({difference.Type}) is not what command {i + 1} ({Name(command)}) produces: {difference.Detail}");
            at += applied.Events.Length;
            state = applied.State;
        }
        return at == log.Count
            ? new Rerun(state, [.. commands], null)
            : Fail($"the log has {log.Count - at} event(s) after the last command's, from event {at + 1} ({TypeName(log[at])}); no command produced them");
    }

    public static Rerun Derive(IReadOnlyList<GameEvent> log)
    {
        var state = Rules.Begin(log[0]);
        var commands = ImmutableArray.CreateBuilder<GameCommand>();
        var at = 1;
        while (at < log.Count)
        {
            Mismatch? closest = null;
            GameCommand? found = null;
            Applied? result = null;
            foreach (var candidate in Candidates(state, log[at]))
            {
                var applied = Rules.Apply(state, candidate);
                if (!applied.IsAccepted)
                    continue;
                var difference = Difference(applied.Events, log, at);
                if (difference is null)
                {
                    (found, result) = (candidate, applied);
                    break;
                }
                closest ??= difference;
            }
            if (found is null || result is null)
            {
                var detail = closest is { } c ? $"event {c.Index + 1} ({c.Type}) differs from what the rules produce: {c.Detail}" : "no command produces it";
                return Fail($"event {at + 1} ({TypeName(log[at])}) does not follow from the events before it by the rules: {detail}");
            }
            commands.Add(found);
            state = result.State;
            at += result.Events.Length;
        }
        return new Rerun(state, commands.ToImmutable(), null);
    }

    /// <summary>The commands that could have produced <paramref name="next"/>, the phase's close first.</summary>
    private static IEnumerable<GameCommand> Candidates(GameState state, GameEvent next)
    {
        var facilitator = Actor.Facilitator;
        if (next is PhaseAdvanced or TurnResolved or AgreementSigned or InjectFired or GameEnded)
            yield return new AdvancePhase(facilitator);
        Actor Speaker(Role? role) => role is { } r ? Actor.Player(r) : facilitator;
        switch (next)
        {
            case MessagePosted m:
                yield return new PostMessage(Speaker(m.From), m.To, m.Text);
                break;
            case OrdersSubmitted o:
                yield return new SubmitOrders(Actor.Player(o.Role), o.Orders);
                break;
            case ProposalMade { CounterOf: { } countered } p:
                yield return new CounterProposal(Actor.Player(p.Proposer), countered, p.Terms);
                break;
            case ProposalMade p:
                yield return new Propose(Actor.Player(p.Proposer), p.Terms);
                break;
            case ProposalAnswered a:
                yield return new RespondToProposal(Actor.Player(a.Role), a.Id, a.Response);
                break;
            case AgreementRevoked r:
                yield return new RevokeAgreement(Actor.Player(r.Role), r.Id, r.Reason);
                break;
            case InjectFired i:
                yield return new InjectEvent(facilitator, i.CardId, i.Title, i.Text, i.Effects);
                break;
            case DeadlineSet { Deadline: { } deadline }:
                yield return new SetDeadline(facilitator, 1) { Now = deadline.AddSeconds(-1) };
                break;
            case DeadlineSet:
                yield return new SetDeadline(facilitator, null) { Now = AnyTime };
                break;
            case GamePaused p:
                yield return new PauseGame(facilitator) { Now = state.Deadline is { } d && p.RemainingSeconds is { } s ? d.AddSeconds(-s) : AnyTime };
                break;
            case GameResumed r:
                yield return new ResumeGame(facilitator) { Now = r.Deadline is { } resumed && state.PausedRemainingSeconds is { } left ? resumed.AddSeconds(-left) : AnyTime };
                break;
            case GameEnded:
                yield return new EndGame(facilitator);
                break;
            case RecordsRevealed:
                yield return new RevealAll(facilitator);
                break;
            case AdjudicationAdjusted a:
                yield return new AdjustAdjudication(facilitator, a.RecordId, a.Logit, a.Reason);
                break;
        }
    }

    private sealed record Mismatch(int Index, string Type, string Detail);

    /// <summary>The first of <paramref name="produced"/> that is not the log's event at its place, with the first field that differs.</summary>
    private static Mismatch? Difference(ImmutableArray<GameEvent> produced, IReadOnlyList<GameEvent> log, int at)
    {
        for (var k = 0; k < produced.Length; k++)
        {
            var index = at + k;
            if (index >= log.Count)
                return new Mismatch(index, TypeName(produced[k]), $"the rules produce a {TypeName(produced[k])} event here, but the log ends");
            var expected = JsonSerializer.SerializeToNode(log[index], GameJson.Options);
            var actual = JsonSerializer.SerializeToNode(produced[k], GameJson.Options);
            if (!JsonNode.DeepEquals(expected, actual))
                return new Mismatch(index, TypeName(log[index]), FirstDifference(expected, actual, "") ?? "the events differ");
        }
        return null;
    }

    /// <summary>"orders.US.troopChange: the log has 5000, the rules give 0".</summary>
    private static string? FirstDifference(JsonNode? logged, JsonNode? rerun, string path)
    {
        if (JsonNode.DeepEquals(logged, rerun))
            return null;
        switch (logged, rerun)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (FirstDifference(a[name], b[name], path.Length == 0 ? name : $"{path}.{name}") is { } inner)
                        return inner;
                }
                return null;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    if (FirstDifference(a[i], b[i], $"{path}[{i}]") is { } inner)
                        return inner;
                }
                return null;
            default:
                return $"{(path.Length == 0 ? "the event" : path)}: the log has {Show(logged)}, the rules give {Show(rerun)}";
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "nothing";
        return node is JsonArray array ? $"{array.Count} item(s)" : text.Length > 80 ? text[..77] + "..." : text;
    }

    private static Rerun Fail(string error) => new(null, [], error);

    private static string Name(GameCommand? command) => command?.GetType().Name ?? "empty";

    private static string TypeName(GameEvent e)
    {
        var name = e.GetType().Name;
        return char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
    }
}
