using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Bots;

public sealed class BotTests
{
    public static TheoryData<string> ScenarioIds() => [.. TestScenarios.Files.Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void AllBotGames_PlayToTheEndWithOnlyLegalMoves(string scenario)
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var game = BotGame.Play(TestScenarios.Load(scenario), seed);

            Assert.True(game.State.Ended);
            Assert.Empty(game.Rejections);
            Assert.Equal(game.State.Scenario.Turns, game.State.Outcomes.Length);
            Assert.Contains(game.Events, e => e is OrdersSubmitted);
        }
    }

    [Fact]
    public void BotsNegotiate_TheOvalOfficeTableEndsWithASignedCeasefire()
    {
        var signed = Enumerable.Range(1, 10).Count(seed => BotGame.Play(TestScenarios.Load("oval-office-2025"), (ulong)seed).Events.OfType<AgreementSigned>().Any());

        Assert.True(signed >= 8, $"only {signed} of 10 games signed anything");
    }

    [Fact]
    public void SameSeed_SameGame()
    {
        var a = BotGame.Play(TestScenarios.Load("white-house-summit-2025"), 9);
        var b = BotGame.Play(TestScenarios.Load("white-house-summit-2025"), 9);

        Assert.Equal(a.State.Hash(), b.State.Hash());
        Assert.Equal(a.Events.Length, b.Events.Length);
    }

    [Fact]
    public void ABotsChoice_DoesNotDependOnAnotherRolesHiddenQuantities()
    {
        var state = TestScenarios.Start("budapest-redux").AdvanceTo(Phase.Orders);
        var changed = state with
        {
            World = state.World with
            {
                Positions = state.World.Positions.SetItem(Role.RU, state.World[Role.RU] with { Hidden = state.World[Role.RU].Hidden.SetItem("resolve", 0.05) }),
            },
        };

        foreach (var role in new[] { Role.UA, Role.US, Role.EU })
            Assert.Equal(BotPolicy.Decide(state, role).ToArray(), BotPolicy.Decide(changed, role).ToArray());
    }

    [Fact]
    public void BotsDecideFromAViewAlone_AndIgnoreViewsThatAreNotARoles()
    {
        var state = TestScenarios.Start("treaty-path").AdvanceTo(Phase.Orders);

        Assert.Empty(BotPolicy.Decide(GameViews.For(state, Audience.Facilitator), state.Seed));
        var command = Assert.Single(BotPolicy.Decide(GameViews.For(state, Audience.Of(Role.RU)), state.Seed));
        Assert.IsType<RussiaOrders>(Assert.IsType<SubmitOrders>(command).Orders);
    }

    [Fact]
    public void TestedGuarantor_BotAnswersTheTest()
    {
        var state = TestScenarios.Start("treaty-path").AdvanceTo(Phase.Orders)
            .Apply(new SubmitOrders(Actor.Player(Role.RU), new RussiaOrders(RussiaPosture.MajorOffensive, false, false)))
            .Advance().AdvanceTo(Phase.Orders);

        var orders = (GuarantorOrders)((SubmitOrders)BotPolicy.Decide(state, Role.US).Single()).Orders;

        Assert.NotNull(orders.Response);
    }

    [Fact]
    public void ABotAskedAgainAndAgain_DoesNotRepeatItself()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);
        var issued = 0;
        for (var call = 0; call < 20; call++)
        {
            foreach (var role in RoleSet.All)
            {
                foreach (var command in BotPolicy.Decide(state, role))
                {
                    var applied = Rules.Apply(state, command);
                    Assert.True(applied.IsAccepted, applied.Rejection?.ToString());
                    state = applied.State;
                    issued++;
                }
            }
        }

        Assert.InRange(issued, 2, 12);
        Assert.All(RoleSet.All, role => Assert.Empty(BotPolicy.Decide(state, role)));
    }
}
