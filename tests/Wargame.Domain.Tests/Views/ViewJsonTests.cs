using System.Text.Json;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Simulation;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

public sealed class ViewJsonTests
{
    [Fact]
    public void EveryAudiencesView_RoundTripsThroughGameJson()
    {
        var state = BotGame.Play(TestScenarios.Load("coalition-of-the-willing"), 2).State;

        foreach (var audience in Audience.All)
        {
            var json = JsonSerializer.Serialize(GameViews.For(state, audience), GameJson.Options);
            var back = JsonSerializer.Deserialize<GameView>(json, GameJson.Options)!;

            Assert.Equal(json, JsonSerializer.Serialize(back, GameJson.Options));
        }
    }

    [Fact]
    public void SavedGame_RoundTripsAndReplaysToTheSameHash()
    {
        var game = BotGame.Play(TestScenarios.Load("minerals-first"), 6);
        var saved = SavedGame.Of(game.Events);

        var load = SavedGame.Load(saved.ToJson());

        Assert.True(load.Ok, load.Error);
        Assert.Equal(game.State.Hash(), load.State!.Hash());
        Assert.Equal("minerals-first", load.Game!.Scenario);
        Assert.Equal(6UL, load.Game.Seed);
    }

    [Fact]
    public void SavedGameWithAForeignHeader_IsRejectedWithAReason()
    {
        var saved = SavedGame.Of(BotGame.Play(TestScenarios.Load("minerals-first"), 6).Events) with { Seed = 7 };

        var load = SavedGame.Load(saved.ToJson());

        Assert.False(load.Ok);
        Assert.Contains("does not match the log", load.Error);
    }
}
