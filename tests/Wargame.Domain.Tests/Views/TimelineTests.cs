using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Simulation;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

public sealed class TimelineTests
{
    [Fact]
    public void EachAudiencesTimeline_HoldsWhatItSaw_InOrder_WithEveryResolvedTurn()
    {
        var game = BotGame.Play(TestScenarios.Load("treaty-path"), 4);
        var events = game.Events.Where(e => e is not RecordsRevealed).ToList();
        var states = new List<GameState>();
        foreach (var e in events)
            states.Add(states.Count == 0 ? Rules.Begin(e) : Rules.Evolve(states[^1], e));
        var facilitator = Timeline.For(states, events, Audience.Facilitator, s => s.Version);
        var observers = Timeline.For(states, events, Audience.Public, s => AudienceVersions.Of(s, Audience.Public));

        Assert.Contains(facilitator, e => e.Kind == TimelineKind.Proposed);
        // Proposals are negotiated among their parties: the public timeline has none, only what was signed.
        Assert.DoesNotContain(observers, e => e.Kind == TimelineKind.Proposed);
        foreach (var timeline in new[] { facilitator, observers })
        {
            Assert.Equal(states[^1].Outcomes.Select(o => o.Turn), timeline.Where(e => e.Kind == TimelineKind.Resolved).Select(e => e.Turn));
            Assert.Equal(timeline.Select(e => e.Version).Order(), timeline.Select(e => e.Version));
            Assert.Equal(TimelineKind.Ended, timeline[^1].Kind);
        }
        Assert.True(observers[^1].Version <= AudienceVersions.Of(states[^1], Audience.Public));
    }
}
