using System.Collections.Immutable;
using System.Text.Json;
using Wargame.Domain.Serialization;

namespace Wargame.Domain.Game;

/// <summary>
/// A game as a file: its scenario id, seed, the commands it was played with and the event log they produced (the
/// first event carries the scenario itself), plus the hash of the state the log rebuilds. The server exports and
/// imports it; the CLI plays and replays it. <see cref="Load"/> re-runs the commands through the rules and compares
/// every event and the hash, so an edited order or outcome is found, not replayed.
/// </summary>
public sealed record SavedGame(string Scenario, ulong Seed, ImmutableArray<GameEvent> Events)
{
    /// <summary>The accepted commands in the order they were applied; empty in files saved before commands were kept.</summary>
    public ImmutableArray<GameCommand> Commands { get; init; } = [];

    /// <summary>Hash of the final state when saved; null when unknown. A replay that rebuilds another hash is corrupt.</summary>
    public string? Hash { get; init; }

    /// <summary>
    /// A saved game of <paramref name="events"/>. Without <paramref name="commands"/> (a server keeps events only) the
    /// commands are derived from the log; a log of an older format keeps none (its rules are not re-run).
    /// </summary>
    public static SavedGame Of(IReadOnlyList<GameEvent> events, IReadOnlyList<GameCommand>? commands = null)
    {
        var state = Rules.Replay(events);
        var kept = commands is not null ? [.. commands]
            : state.Format >= LogFormat.Rerunnable && CommandLog.Derive(events) is { Ok: true } derived ? derived.Commands
            : ImmutableArray<GameCommand>.Empty;
        return new SavedGame(state.Scenario.Id, state.Seed, [.. events]) { Commands = kept, Hash = state.Hash() };
    }

    public string ToJson() => JsonSerializer.Serialize(this, GameJson.Options);

    /// <summary>Reads a saved game and re-runs it; errors name what is wrong instead of throwing.</summary>
    public static SavedGameLoad Load(string json)
    {
        SavedGame? saved;
        try
        {
            saved = JsonSerializer.Deserialize<SavedGame>(json, GameJson.Options);
        }
        catch (JsonException e)
        {
            return SavedGameLoad.Fail($"Not a saved game: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            return SavedGameLoad.Fail($"Not a saved game: {e.Message}");
        }
        if (saved is null || saved.Events.IsDefaultOrEmpty)
            return SavedGameLoad.Fail("The saved game has no events.");
        if (saved.Events[0] is not GameStarted started)
            return SavedGameLoad.Fail("The first event of a saved game must be gameStarted.");
        if (started.Scenario.Id != saved.Scenario || started.Seed != saved.Seed)
            return SavedGameLoad.Fail($"The header (scenario {saved.Scenario}, seed {saved.Seed}) does not match the log (scenario {started.Scenario.Id}, seed {started.Seed}).");
        if (saved.Events.Any(e => e is null) || (!saved.Commands.IsDefault && saved.Commands.Any(c => c is null)))
            return SavedGameLoad.Fail("The saved game has an empty entry in its events or commands.");

        GameState state;
        var commands = saved.Commands.IsDefault ? [] : saved.Commands;
        // Only formats the rules still compute can be re-run: an older log replays its outcomes as they were logged.
        var rerunnable = started.Format >= LogFormat.Rerunnable && started.Format <= LogFormat.Current;
        try
        {
            if (rerunnable)
            {
                var rerun = commands.IsEmpty ? CommandLog.Derive(saved.Events) : CommandLog.Check(saved.Events, commands);
                if (!rerun.Ok)
                    return SavedGameLoad.Fail($"The rules do not reproduce this log: {rerun.Error}.");
                state = rerun.State!;
                commands = rerun.Commands;
            }
            else
            {
                state = Rules.Replay(saved.Events);
            }
        }
        catch (InvalidOperationException e)
        {
            return SavedGameLoad.Fail($"The log cannot be replayed: {e.Message}");
        }
        // A log of an older format carries a hash over that format's fields, which these rules no longer compute.
        var checkable = saved.Hash is not null && rerunnable;
        var hash = state.Hash();
        if (checkable && saved.Hash != hash)
            return SavedGameLoad.Fail($"The replayed state has hash {hash}, but the file records {saved.Hash}: the log was changed or comes from other rules.");
        return new SavedGameLoad(saved with { Commands = commands }, state, null) { HashChecked = checkable, RulesRerun = rerunnable };
    }
}

public sealed record SavedGameLoad(SavedGame? Game, GameState? State, string? Error)
{
    public bool Ok => Error is null;

    /// <summary>Whether the file's hash was checked against the replay (false without a hash, or for a log of an older format).</summary>
    public bool HashChecked { get; init; }

    /// <summary>Whether the commands were re-run through the rules and every event compared (false for a log of an older format).</summary>
    public bool RulesRerun { get; init; }

    public static SavedGameLoad Fail(string error) => new(null, null, error);
}
