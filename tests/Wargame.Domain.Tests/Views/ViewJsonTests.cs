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

/// <summary>What the views tell a person about units and ranges, so no page shows a raw flag or a bare internal name.</summary>
public sealed class QuantityPresentationTests
{
    [Fact]
    public void FlagsReadAsFlags_SharesAsShares_AndNoLabelExplainsARawNumber()
    {
        var state = Fixture.Start(Fixture.Table());
        var us = GameViews.For(state, Audience.Of(Role.US)).Hidden.Single(h => h.Role == Role.US).Quantities;

        Assert.Equal(QuantityUnit.Flag, us.Single(q => q.Name == GameViews.RalliedQuantity).Unit);
        Assert.Equal(QuantityUnit.Share, us.Single(q => q.Name == "domesticSupport").Unit);
        Assert.Equal(QuantityUnit.Turn, us.Single(q => q.Name == "electionTurn").Unit);
        Assert.DoesNotContain(us, q => q.Label.Contains("1 = yes", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFacilitatorsInjectBuilder_IsOfferedEveryQuantityAnInjectAccepts_WithItsRange_AndPlayersAreNot()
    {
        var state = Fixture.Start(Fixture.Table());
        var offered = GameViews.For(state, Audience.Facilitator).InjectQuantities;

        Assert.Equal(Effects.Known, offered.Select(q => q.Name));
        Assert.All(offered, q =>
        {
            Assert.True(q.Min < q.Max, q.Name);
            Assert.True(Rules.Apply(state, new InjectEvent(Actor.Facilitator, null, "Test", "Text", [new InjectEffect(q.Name, 0.1)])).IsAccepted, q.Name);
        });
        Assert.Equal((0d, 1d), offered.Where(q => q.Name == "RU.resolve").Select(q => (q.Min, q.Max)).Single());
        Assert.Empty(GameViews.For(state, Audience.Of(Role.RU)).InjectQuantities);
    }
}
