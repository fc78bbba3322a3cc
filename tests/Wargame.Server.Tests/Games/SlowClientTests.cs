using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Seats;
using Wargame.Server.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>A client that stops reading (a laptop on a dying connection) must not stall the game for everyone else.</summary>
public sealed class SlowClientTests : IDisposable
{
    private static readonly Scenario Scenario = new()
    {
        Id = "slow-client",
        Title = "Slow client",
        Summary = "A scenario for the push test.",
        Turns = 2,
        Roles = [.. RoleSet.All.Select(r => new RoleSetup(r, $"{r} public", $"{r} private"))],
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("wargame-slow-").FullName;

    [Fact]
    public async Task AStalledAudience_NeitherBlocksTheGame_NorReceivesItsViewsOutOfOrder()
    {
        using var store = new SqliteGameStore(Path.Combine(_directory, "slow.db"));
        await store.Initialize(CancellationToken.None);
        await store.CreateGame(new GameRecord("g1", Scenario.Id, "hash", DateTimeOffset.UnixEpoch), [], [Rules.Start(Scenario, 7)], CancellationToken.None);
        var publisher = new StallingPublisher(Audience.Of(Role.RU));
        var actor = new GameActor("g1", store, publisher, new Presence(), TimeProvider.System, NullLogger.Instance);

        // Russia's pushes and the seat list hang; every command still completes, and the other audiences get their views, in order, up to the latest.
        await actor.PublishSeats().WaitAsync(RunningServer.Timeout);
        for (var i = 1; i <= 5; i++)
        {
            var result = await actor.Execute(new PostMessage(Actor.Player(Role.UA), [], $"Statement {i}")).WaitAsync(RunningServer.Timeout);
            Assert.True(result.Accepted);
        }
        var last = await publisher.WaitFor(Audience.Public, v => v.Messages.Length == 5);
        Assert.Equal(6, last.Version);
        var publicVersions = publisher.Received(Audience.Public).Select(v => v.Version).ToArray();
        Assert.Equal(publicVersions.Distinct().Order(), publicVersions);

        // Once Russia's connection drains, it gets the views in order, skipping to the latest.
        publisher.Release();
        var russia = await publisher.WaitFor(Audience.Of(Role.RU), v => v.Messages.Length == 5);
        Assert.Equal(6, russia.Version);
        var versions = publisher.Received(Audience.Of(Role.RU)).Select(v => v.Version).ToArray();
        Assert.Equal(versions.Order(), versions);
        Assert.True(versions.Length < 5, $"queued views were not coalesced: {string.Join(", ", versions)}");
        await actor.Deactivate().WaitAsync(RunningServer.Timeout);
    }

    public void Dispose() => RunningServer.DeleteDirectory(_directory);

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

        public Task SendView(string connectionId, string gameId, GameView view) => Task.CompletedTask;

        public async Task PublishView(string gameId, Audience audience, GameView view)
        {
            if (audience == stalled)
                await _release.Task;
            _received.GetOrAdd(audience, _ => new()).Enqueue(view);
        }

        public Task PublishSeats(string gameId, IReadOnlyList<SeatView> seats) => _release.Task;
    }
}
