using Wargame.Domain.Game;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Tests.Game;

public sealed class ApplyTests
{
    [Fact]
    public void AnAcceptedCommand_ReturnsItsEventsAndTheStateTheyEvolveTo()
    {
        var state = Fixture.Start(Fixture.Table());
        var command = new AdvancePhase(Actor.Facilitator);

        var applied = Rules.Apply(state, command);

        Assert.True(applied.IsAccepted);
        Assert.Equal(Rules.Decide(state, command).Events.ToArray(), applied.Events.ToArray());
        Assert.Equal(applied.Events.Aggregate(state, Rules.Evolve).Hash(), applied.State.Hash());
        Assert.Equal(state.Version + applied.Events.Length, applied.State.Version);
    }

    [Fact]
    public void ARefusedCommand_LeavesTheStateAsItWas()
    {
        var state = Fixture.Start(Fixture.Table());

        var applied = Rules.Apply(state, new AdvancePhase(Actor.Player(Role.UA)));

        Assert.False(applied.IsAccepted);
        Assert.Equal("facilitator-only", applied.Rejection!.Code);
        Assert.Empty(applied.Events);
        Assert.Same(state, applied.State);
    }
}
