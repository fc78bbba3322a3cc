using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>A client that stops reading (a laptop on a dying connection) must not stall the game for everyone else.</summary>
public sealed class SlowClientTests
{
    [Fact]
    public async Task AStalledAudience_NeitherBlocksTheGame_NorReceivesItsViewsOutOfOrder()
    {
        // The real grain and node link; only the last step, SignalR's send to Russia's group and to seat lists, hangs.
        var publisher = new StallingPublisher(Audience.Of(Role.RU));
        await using var server = await RunningServer.Start(services: s => s.AddSingleton<IGamePublisher>(publisher));
        var game = await server.CreateGame();
        var ukraine = await server.Connect();
        await ukraine.JoinWithCode(game.JoinCodes[Role.UA], "Olena");
        var russia = await server.Connect();
        await russia.JoinWithCode(game.JoinCodes[Role.RU], "Ivan");
        var observer = await server.Connect();
        await observer.JoinWithCode(game.ObserverCode, "Observer");

        // Russia's pushes and the seat lists hang; every command still completes, and the other audiences get their views, in order, up to the latest.
        for (var i = 1; i <= 5; i++)
        {
            var result = await ukraine.PostMessage(new MessageRequest([], $"Statement {i}"));
            Assert.True(result.Accepted);
        }
        var last = await publisher.WaitFor(Audience.Public, v => v.Messages.Length == 5);
        Assert.Equal(6, last.Version);
        var publicVersions = publisher.Received(Audience.Public).Select(v => v.Version).ToArray();
        Assert.Equal(publicVersions.Distinct().Order(), publicVersions);

        // Once Russia's connection drains, it gets the views in order, skipping to the latest.
        publisher.Release();
        var latest = await publisher.WaitFor(Audience.Of(Role.RU), v => v.Messages.Length == 5);
        Assert.Equal(6, latest.Version);
        var versions = publisher.Received(Audience.Of(Role.RU)).Select(v => v.Version).ToArray();
        Assert.Equal(versions.Order(), versions);
        Assert.True(versions.Length < 5, $"queued views were not coalesced: {string.Join(", ", versions)}");
    }

    /// <summary>Records what each audience was sent; sends to one audience and seat lists hang until released, like a full socket.</summary>
    private sealed class StallingPublisher(Audience stalled) : IGamePublisher
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<Audience, ConcurrentQueue<GameView>> _received = new();

        public void Release() => _release.SetResult();

        public IReadOnlyList<GameView> Received(Audience audience) => [.. _received.GetOrAdd(audience, _ => new())];

        public async Task<GameView> WaitFor(Audience audience, Func<GameView, bool> condition)
        {
            using var timeout = new CancellationTokenSource(RunningServer.Timeout);
            while (true)
            {
                if (Received(audience).LastOrDefault(condition) is { } view)
                    return view;
                await Task.Delay(20, timeout.Token);
            }
        }

        public Task Attach(string connectionId, string gameId, Audience audience) => Task.CompletedTask;

        public Task Detach(string connectionId, string gameId, Audience audience) => Task.CompletedTask;

        public Task SendView(IReadOnlyList<string> connectionIds, string gameId, GameView view) => PublishView(gameId, view.Audience, view);

        public async Task PublishView(string gameId, Audience audience, GameView view)
        {
            if (audience == stalled)
                await _release.Task;
            _received.GetOrAdd(audience, _ => new()).Enqueue(view);
        }

        public async Task PublishUpdate(string gameId, Audience audience, ViewDelta delta, IReadOnlyList<string> excluded)
        {
            if (audience == stalled)
                await _release.Task;
            var received = _received.GetOrAdd(audience, _ => new());
            // Throws unless the delta follows the last view this audience's group was sent.
            received.Enqueue(delta.ApplyTo(received.Last()));
        }

        public Task SendSeats(IReadOnlyList<string> connectionIds, string gameId, IReadOnlyList<SeatView> seats) => _release.Task;

        public Task PublishSeats(string gameId, IReadOnlyList<SeatView> seats) => _release.Task;
    }
}
