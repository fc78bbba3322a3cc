using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Simulation;

namespace Wargame.Domain.Tests.Game;

public sealed class StateHashTests
{
    [Fact]
    public void EveryFieldOfTheState_IsHashedOrNamedAsDerived()
    {
        var fields = typeof(GameState).GetProperties().Select(p => p.Name).Order();

        Assert.Equal(fields, StateHash.Hashed.Concat(StateHash.Derived).Order());
        Assert.Empty(StateHash.Hashed.Intersect(StateHash.Derived));
    }

    [Fact]
    public void AHashedFieldChangesTheHash_ADerivedOneDoesNot()
    {
        var state = Fixture.Start(Fixture.Table());

        Assert.NotEqual(state.Hash(), (state with { Messages = [new Message(1, 1, Role.UA, [], "hello")] }).Hash());
        Assert.NotEqual(state.Hash(), (state with { Turn = 2 }).Hash());
        Assert.Equal(state.Hash(), (state with { ViewVersions = state.ViewVersions.SetItem(Audience.Public, 9) }).Hash());
    }
}

public sealed class LogFormatTests
{
    /// <summary>A log as format 1 wrote it: no format, agreements signed and revoked without their outcomes.</summary>
    private static GameEvent[] AsFirstFormat(IEnumerable<GameEvent> events)
    {
        var json = JsonSerializer.SerializeToNode(events.ToArray(), GameJson.Options)!.AsArray();
        foreach (var e in json.Select(n => n!.AsObject()))
        {
            e.Remove("format");
            e.Remove("constants");
            e.Remove("status");
            e.Remove("reputationLoss");
        }
        return JsonSerializer.Deserialize<GameEvent[]>(json.ToJsonString(), GameJson.Options)!;
    }

    [Fact]
    public void AFirstFormatLog_ReplaysToTheSameGame()
    {
        var replayed = 0;
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var steps = Enumerable.Range(0, 400).Select(i => new Step((int)((seed * 7919 + (ulong)i * 104729) % 1000), i % 4, i * 37, (int)seed * 101 + i)).ToArray();
            var (state, events, _) = RandomPlay.Run("treaty-path", seed, steps);
            if (!events.Any(e => e is AgreementRevoked or AgreementSigned))
                continue;

            var old = Rules.Replay(AsFirstFormat(events));

            Assert.Equal(LogFormat.First, old.Format);
            Assert.Equal(Json(state.World), Json(old.World));
            Assert.Equal(Json(state.Outcomes), Json(old.Outcomes));
            replayed++;
        }
        Assert.True(replayed >= 5, $"only {replayed} random games signed or revoked anything");
    }

    [Fact]
    public void AFirstFormatSavedGame_Loads_ButItsHashIsNotChecked()
    {
        var events = BotGame.Play(Fixture.Table(Fixture.Ceasefire()), 3).Events;
        var saved = new SavedGame("fixture", 3, [.. AsFirstFormat(events)]) { Hash = "0123" };

        var load = SavedGame.Load(saved.ToJson());

        Assert.True(load.Ok, load.Error);
        Assert.False(load.HashChecked);
        Assert.True(SavedGame.Load(SavedGame.Of(events).ToJson()).HashChecked);
    }

    [Fact]
    public void AGame_ReplaysWithTheConstantsItsLogRecorded_NotTodaysDefaults()
    {
        var started = Rules.Start(Fixture.Table(Fixture.Ceasefire()), 4);
        var name = RulesTable.NameOf(RuleKey.MinorIncident);
        Assert.Equal(RulesTable.Default.Values(), started.Constants);

        // As if the default had been 0.9 when this game was played.
        var state = Rules.Begin(started with { Constants = started.Constants.SetItem(name, 0.9) });

        Assert.Equal(0.9, state.Constants.Value(RuleKey.MinorIncident));
        Assert.Contains("this game's log has 0.9", state.Constants[RuleKey.MinorIncident].Source);
        Assert.Equal(RulesTable.Default[RuleKey.HazardBase], state.Constants[RuleKey.HazardBase]);
        Assert.Equal(RulesTable.Default.Value(RuleKey.MinorIncident), Rules.Begin(started with { Constants = ImmutableSortedDictionary<string, double>.Empty }).Constants.Value(RuleKey.MinorIncident));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);
}
