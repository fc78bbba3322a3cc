using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Bots;

public sealed class BotCadenceTests
{
    [Fact]
    public void OneSettling_LeavesNoBotWithAnythingToDo()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);
        var issued = 0;

        BotCadence.Play(RoleSet.All, () => state, command =>
        {
            var applied = Rules.Apply(state, command);
            state = applied.State;
            issued++;
            return applied.IsAccepted;
        });

        Assert.True(issued > 0);
        Assert.All(RoleSet.All, role => Assert.Empty(BotPolicy.Decide(state, role)));
    }

    [Fact]
    public void BotsThatKeepAnsweringEachOther_StopAfterTheBoundOnRounds()
    {
        var state = Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Negotiation);
        var issued = 0;

        // Every command "accepted" without changing the game: the bots would go on for ever.
        BotCadence.Play([Role.UA], () => state, command =>
        {
            issued++;
            return true;
        });

        Assert.Equal(BotCadence.MaxRounds * BotPolicy.Decide(state, Role.UA).Length, issued);
    }
}
