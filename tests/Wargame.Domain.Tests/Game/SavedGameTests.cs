using System.Text.Json;
using System.Text.Json.Nodes;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Game;

/// <summary>Saved games re-run their commands through the rules: the import and `wargame replay` both load through here.</summary>
public sealed class SavedGameTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A facilitated game: clock, pause, inject, an adjustment, the end and the reveal, besides the bots' play.</summary>
    private static (GameState State, List<GameEvent> Events) Facilitated()
    {
        var started = Rules.Start(Fixture.Table(Fixture.Ceasefire()), 9);
        var events = new List<GameEvent> { started };
        var state = Rules.Begin(started);
        void Do(GameCommand command)
        {
            var applied = Rules.Apply(state, command);
            Assert.True(applied.IsAccepted, applied.Rejection?.ToString());
            events.AddRange(applied.Events);
            state = applied.State;
        }
        var f = Actor.Facilitator;
        Do(new SetDeadline(f, 600) { Now = Noon });
        Do(new ExtendDeadline(f, 60) { Now = Noon.AddSeconds(5) });
        Do(new PauseGame(f) { Now = Noon.AddSeconds(30) });
        Do(new ResumeGame(f) { Now = Noon.AddSeconds(90) });
        Do(new InjectEvent(f, null, "Shelling", "Artillery near the line.", [new InjectEffect("UA.readiness", -0.05)]));
        Do(new PostMessage(Actor.Player(Role.UA), [Role.EU], "Will you stay?"));
        Do(new AdvancePhase(f));
        Do(new AdvancePhase(f));
        Do(new SubmitOrders(Actor.Player(Role.RU), new RussiaOrders(RussiaPosture.Probe, false, false)));
        Do(new AdvancePhase(Actor.System));
        var rolled = state.Outcomes[^1].Records.First(r => r.Adjustable);
        Do(new AdjustAdjudication(f, rolled.Id, 0.4, "The monitors saw more than the dice"));
        Do(new SetDeadline(f, null) { Now = Noon.AddSeconds(200) });
        Do(new EndGame(f));
        Do(new RevealAll(f));
        return (state, events);
    }

    private static string Tampered(SavedGame saved, Func<JsonObject, bool> which, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(saved.ToJson())!.AsObject();
        edit(json["events"]!.AsArray().Select(e => e!.AsObject()).First(which));
        return json.ToJsonString();
    }

    [Fact]
    public void ALogWithoutCommands_GetsCommandsThatReproduceEveryEvent_ClockPausesAndAdjustmentsToo()
    {
        var (state, events) = Facilitated();

        var saved = SavedGame.Of(events);
        var load = SavedGame.Load(saved.ToJson());

        Assert.True(load.Ok, load.Error);
        Assert.True(load.RulesRerun);
        Assert.True(load.HashChecked);
        Assert.Equal(state.Hash(), load.State!.Hash());
        Assert.Contains(saved.Commands, c => c is PauseGame);
        Assert.Contains(saved.Commands, c => c is AdjustAdjudication);
        Assert.Equal(saved.Commands.Length, load.Game!.Commands.Length);
    }

    [Fact]
    public void ABotGamesOwnCommands_RoundTripThroughJson_AndReRun()
    {
        var game = BotGame.Play(TestScenarios.Load("treaty-path"), 4);
        var saved = SavedGame.Of(game.Events, game.Commands);

        var back = JsonSerializer.Deserialize<SavedGame>(saved.ToJson(), GameJson.Options)!;
        var load = SavedGame.Load(saved.ToJson());

        Assert.Equal(JsonSerializer.Serialize(saved.Commands, GameJson.Options), JsonSerializer.Serialize(back.Commands, GameJson.Options));
        Assert.True(load.Ok, load.Error);
        Assert.Equal(game.State.Hash(), load.State!.Hash());
    }

    [Fact]
    public void ATamperedOrder_FailsTheLoad_WithTheEventAndTheField()
    {
        var game = BotGame.Play(TestScenarios.Load("oval-office-2025"), 3);
        var saved = SavedGame.Of(game.Events, game.Commands);
        var json = Tampered(saved, e => (string?)e["type"] == "ordersSubmitted" && (string?)e["role"] == "RU", e => e["orders"]!["posture"] = "MajorOffensive");

        var load = SavedGame.Load(json);

        Assert.False(load.Ok);
        Assert.Matches(@"^The rules do not reproduce this log: event \d+ \(ordersSubmitted\) is not what command \d+ \(SubmitOrders\) produces: orders.posture: the log has ""MajorOffensive"", the rules give ""\w+""", load.Error);
    }

    [Fact]
    public void ATamperedRoll_FailsTheLoad_EvenWithTheHashRecomputed()
    {
        var game = BotGame.Play(Fixture.Table(Fixture.Ceasefire()), 5);
        var saved = SavedGame.Of(game.Events, game.Commands);
        var json = JsonNode.Parse(saved.ToJson())!.AsObject();
        var resolved = json["events"]!.AsArray().Select(e => e!.AsObject()).First(e => (string?)e["type"] == "turnResolved");
        var record = resolved["outcome"]!["records"]!.AsArray().Select(r => r!.AsObject()).First(r => r["roll"] is not null);
        record["roll"] = 1;
        // Whoever edits the roll may also write the hash of the state the edited log rebuilds.
        var edited = JsonSerializer.Deserialize<SavedGame>(json.ToJsonString(), GameJson.Options)!;
        json["hash"] = Rules.Replay(edited.Events).Hash();

        var load = SavedGame.Load(json.ToJsonString());

        Assert.False(load.Ok);
        Assert.Contains("(turnResolved) is not what command", load.Error);
        Assert.Contains(".roll: the log has 1, the rules give", load.Error);
    }

    [Fact]
    public void ACommandWithoutItsEvents_OrEventsWithoutTheirCommand_AreNamed()
    {
        var game = BotGame.Play(Fixture.Table(), 2);
        var saved = SavedGame.Of(game.Events, game.Commands);

        var extra = SavedGame.Load((saved with { Commands = saved.Commands.Add(new EndGame(Actor.Facilitator)) }).ToJson());
        var missing = SavedGame.Load((saved with { Commands = saved.Commands.RemoveAt(saved.Commands.Length - 1) }).ToJson());

        Assert.Contains($"command {saved.Commands.Length + 1} (EndGame) is refused by the rules", extra.Error);
        Assert.Contains("event(s) after the last command's", missing.Error);
    }
}
