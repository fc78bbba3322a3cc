using System.Collections.Immutable;
using System.Text.Json;
using Wargame.Domain.Serialization;

namespace Wargame.Domain.Game;

/// <summary>
/// A game as a file: its scenario id, seed and full event log (the first event carries the scenario itself),
/// plus the hash of the state the log rebuilds. The server exports and imports it; the CLI replays it.
/// </summary>
public sealed record SavedGame(string Scenario, ulong Seed, ImmutableArray<GameEvent> Events)
{
    /// <summary>Hash of the final state when saved; null when unknown. A replay that rebuilds another hash is corrupt.</summary>
    public string? Hash { get; init; }

    public static SavedGame Of(IReadOnlyList<GameEvent> events)
    {
        var state = Rules.Replay(events);
        return new SavedGame(state.Scenario.Id, state.Seed, [.. events]) { Hash = state.Hash() };
    }

    public string ToJson() => JsonSerializer.Serialize(this, GameJson.Options);

    /// <summary>Reads and replays a saved game; errors name what is wrong instead of throwing.</summary>
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
        GameState state;
        try
        {
            state = Rules.Replay(saved.Events);
        }
        catch (InvalidOperationException e)
        {
            return SavedGameLoad.Fail($"The log cannot be replayed: {e.Message}");
        }
        // A log of an older format carries a hash over that format's fields, which these rules no longer compute.
        var checkable = saved.Hash is not null && started.Format == LogFormat.Current;
        var hash = state.Hash();
        if (checkable && saved.Hash != hash)
            return SavedGameLoad.Fail($"The replayed state has hash {hash}, but the file records {saved.Hash}: the log was changed or comes from other rules.");
        return new SavedGameLoad(saved, state, null) { HashChecked = checkable };
    }
}

public sealed record SavedGameLoad(SavedGame? Game, GameState? State, string? Error)
{
    public bool Ok => Error is null;

    /// <summary>Whether the file's hash was checked against the replay (false without a hash, or for a log of an older format).</summary>
    public bool HashChecked { get; init; }

    public static SavedGameLoad Fail(string error) => new(null, null, error);
}
