using System.Collections.Concurrent;
using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>What a node's observer receives from a game per accepted command: one message, with a delta for each audience that saw it.</summary>
public sealed class ObserverMessageTests
{
    [Fact]
    public async Task EachAcceptedCommand_ReachesANode_AsOneMessageWithADeltaForEveryAudienceThatSawIt_AndNoOther()
    {
        await using var server = await RunningServer.Start();
        var created = await server.CreateGame();
        var game = server.Grains.GetGrain<IGameGrain>(created.GameId);
        var node = new RecordingObserver();
        var reference = server.Grains.CreateObjectReference<IGameObserver>(node);
        await game.Subscribe(reference, new NodeInterest([.. Audience.All], []));
        await WaitFor(() => node.Views.Count == Audience.All.Count);

        var everyone = await game.Execute(new PostMessage(Actor.Player(Role.UA), [], "To all"), DateTimeOffset.MaxValue);
        Assert.True(everyone.Accepted, everyone.Message);
        await WaitFor(() => node.Updates.Count == 1);
        var toAll = Assert.Single(node.Updates);
        Assert.Equal(Audience.All.OrderBy(a => a.ToString()), toAll.Select(d => d.Audience).OrderBy(a => a.ToString()));

        var privately = await game.Execute(new PostMessage(Actor.Player(Role.UA), [Role.RU], "Between us"), DateTimeOffset.MaxValue);
        Assert.True(privately.Accepted, privately.Message);
        await WaitFor(() => node.Updates.Count == 2);
        Assert.Equal(
            new[] { Audience.Facilitator, Audience.Of(Role.RU), Audience.Of(Role.UA) }.OrderBy(a => a.ToString()),
            node.Updates.Last().Select(d => d.Audience).OrderBy(a => a.ToString()));
        // Each delta follows the one before it for its audience, as the node applies them.
        Assert.All(node.Updates.Last(), d => Assert.Equal(toAll.Single(p => p.Audience == d.Audience).Version, d.BaseVersion));
        await game.Unsubscribe(reference);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }

    private sealed class RecordingObserver : IGameObserver
    {
        public ConcurrentQueue<GameView> Views { get; } = new();

        public ConcurrentQueue<ImmutableArray<ViewDelta>> Updates { get; } = new();

        public Task View(GameView view)
        {
            Views.Enqueue(view);
            return Task.CompletedTask;
        }

        public Task Update(ImmutableArray<ViewDelta> deltas)
        {
            Updates.Enqueue(deltas);
            return Task.CompletedTask;
        }

        public Task Seats(ImmutableArray<SeatView> seats) => Task.CompletedTask;

        public Task SeatReleased(string seatId) => Task.CompletedTask;

        public Task Deactivated() => Task.CompletedTask;
    }
}
