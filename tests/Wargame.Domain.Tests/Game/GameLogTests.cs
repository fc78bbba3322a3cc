using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Game;

public sealed class GameLogTests
{
    [Fact]
    public void Checkpoints_MarkEveryPhaseOfEveryTurn()
    {
        var scenario = Fixture.Table(Fixture.Ceasefire());
        var game = BotGame.Play(scenario, 4);

        var checkpoints = GameLog.Checkpoints(game.Events);

        Assert.Equal(new Checkpoint(1, Phase.Briefing, 1), checkpoints[0]);
        foreach (var c in checkpoints)
        {
            var state = Rules.Replay(game.Events.Take(c.EventCount));
            Assert.Equal((c.Turn, c.Phase), (state.Turn, state.Phase));
        }
        // Every phase of every turn, and the end of the game as the last step.
        Assert.Equal(scenario.Turns * PhaseTable.Phases.Length + 1, checkpoints.Length);
        Assert.Equal(game.Events.Length, checkpoints[^1].EventCount);
    }

    [Fact]
    public void UpToTurn_EndsRightBeforeThatTurnBegins_AndTheForkPlaysOn()
    {
        var game = BotGame.Play(Fixture.Table(Fixture.Ceasefire()), 4);

        var prefix = GameLog.UpToTurn(game.Events, 3);
        var state = Rules.Replay(prefix);

        Assert.Equal((3, Phase.Briefing), (state.Turn, state.Phase));
        Assert.Equal(2, state.Outcomes.Length);
        Assert.True(Rules.Decide(state, new AdvancePhase(Actor.Facilitator)).IsAccepted);
        Assert.Throws<ArgumentOutOfRangeException>(() => GameLog.UpToTurn(game.Events, 99));
    }
}
