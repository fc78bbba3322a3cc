using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>The game grain in a two-silo Orleans cluster: Orleans, not our code, keeps one activation per game.</summary>
public sealed class GameClusterTests(GameCluster cluster) : IClassFixture<GameCluster>
{
    [Fact]
    public async Task BothSilosCallingOneGameAtOnce_ReachOneActivation_WhichOrdersEveryCommand()
    {
        var gameId = await cluster.NewGame();
        var liveBefore = cluster.LiveOn(0) + cluster.LiveOn(1);
        var acknowledged = new ConcurrentDictionary<int, string>();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(silo => Task.WhenAll(Enumerable.Range(0, 15).Select(async n =>
        {
            var text = $"silo {silo} message {n}";
            var result = await cluster.Game(silo, gameId).Execute(new PostMessage(Actor.Facilitator, [], text));
            Assert.True(result.Accepted, result.Message);
            Assert.True(acknowledged.TryAdd(result.Version, text), $"version {result.Version} acknowledged twice");
        }))));

        Assert.Equal(Enumerable.Range(2, 30), acknowledged.Keys.Order());
        Assert.Equal(liveBefore + 1, cluster.LiveOn(0) + cluster.LiveOn(1));
        var log = await cluster.Store.LoadEvents(gameId, CancellationToken.None);
        Assert.Equal(31, log.Count);
        Assert.All(acknowledged, a => Assert.Equal(a.Value, Assert.IsType<MessagePosted>(log[a.Key - 1]).Text));
    }

    [Fact]
    public async Task ACommandThatWaitedBehindASlowOnePastItsStartByTime_IsRefusedBusy_AndLeavesTheLogAsItWas()
    {
        var gameId = await cluster.NewGame(seed: 13);
        await cluster.Game(1, gameId).StateHash();
        Task<CommandResult> slow, late;
        await using (await SqliteWriteLock.Hold(cluster.StorePath))
        {
            // The first call waits in its append for the file's lock (the grain is slow); the second, sent from the
            // other silo with a one-second window, waits behind it.
            slow = cluster.Game(1, gameId).Execute(new PostMessage(Actor.Facilitator, [], "Slow"), DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            late = cluster.Game(0, gameId).Execute(new PostMessage(Actor.Facilitator, [], "Late"), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        Assert.True((await slow).Accepted);
        var refused = await late;
        Assert.False(refused.Accepted);
        Assert.Equal(GameGrain.Busy, refused.Code);
        var log = await cluster.Store.LoadEvents(gameId, CancellationToken.None);
        Assert.Equal(["Slow"], log.OfType<MessagePosted>().Select(m => m.Text));
        Assert.Equal(log.Count, refused.Version);
    }

    [Fact]
    public async Task AGameDeactivatedAndReactivated_RebuildsTheSameStateAndHash_FromTheStore()
    {
        var gameId = await cluster.NewGame(seed: 12);
        var game = cluster.Game(1, gameId);
        await game.Execute(new AdvancePhase(Actor.Facilitator));
        await game.Execute(new AdvancePhase(Actor.Facilitator));
        await game.Execute(new SubmitOrders(Actor.Player(Role.RU), new RussiaOrders(RussiaPosture.Probe, Rearm: true, SanctionsEvasion: false)));
        Assert.True((await game.Execute(new AdvancePhase(Actor.Facilitator))).Accepted);
        var hash = await game.StateHash();
        var view = Json(await game.View(Audience.Facilitator));

        var live = cluster.LiveOn(0) + cluster.LiveOn(1);
        await cluster.Cluster.DeactivateAsync(game);
        await WaitUntil(() => cluster.LiveOn(0) + cluster.LiveOn(1) == live - 1);

        Assert.Equal(hash, await cluster.Game(0, gameId).StateHash());
        Assert.Equal(view, Json(await cluster.Game(0, gameId).View(Audience.Facilitator)));
        Assert.Equal(hash, Rules.Replay(await cluster.Store.LoadEvents(gameId, CancellationToken.None)).Hash());
    }

    [Fact]
    public async Task AConnectionOnOneSilo_ReceivesThePushesOfAGameActiveOnTheOther()
    {
        var gameId = await cluster.NewGame(seed: 13);
        var liveOnFirst = cluster.LiveOn(0);
        await cluster.Game(1, gameId).View(Audience.Public);
        var publisher = new RecordingPublisher();
        var links = new GameLinks(cluster.Silo(0).GetRequiredService<IGrainFactory>(), publisher, NullLoggerFactory.Instance);
        var seat = new SeatRecord("s_ru", gameId, Audience.Of(Role.RU), "Ivan", null, Bot: false, Released: false, DateTimeOffset.UtcNow);

        await links.Join("connection-on-silo-0", seat);
        var posted = await cluster.Game(1, gameId).Execute(new PostMessage(Actor.Player(Role.UA), [], "Across the cluster"));
        Assert.True(posted.Accepted, posted.Message);

        var view = await publisher.WaitFor(v => v.Messages.Any(m => m.Text == "Across the cluster"));
        Assert.Equal(Audience.Of(Role.RU), view.Audience);
        Assert.Equal(liveOnFirst, cluster.LiveOn(0));
        await links.Leave("connection-on-silo-0", seat);
    }

    private static string Json(GameView view) => JsonSerializer.Serialize(view, GameJson.Options);

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (!condition())
            await Task.Delay(20, timeout.Token);
    }
}

/// <summary>A deadline outlives the silo that held its game: the survivor's deadline scan activates it again.</summary>
public sealed class GameClusterDeadlineTests(GameCluster cluster) : IClassFixture<GameCluster>
{
    [Fact]
    public async Task ADeadline_FiresAfterTheSiloThatHeldTheGameStops()
    {
        var gameId = await cluster.NewGame(seed: 14);
        var game = cluster.Game(1, gameId);
        Assert.True((await game.Execute(new SetDeadline(Actor.Facilitator, 600))).Accepted);
        Assert.Equal(1, cluster.LiveOn(1));
        Assert.Contains(gameId, await cluster.Store.GamesWithPendingDeadlines(CancellationToken.None));

        await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos[1]);
        // The game clock moves only now, with the silo gone: only the survivor can close the phase.
        Assert.Empty((await cluster.Store.LoadEvents(gameId, CancellationToken.None)).OfType<PhaseAdvanced>());
        cluster.Clock.Advance(TimeSpan.FromSeconds(601));

        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (!(await cluster.Store.LoadEvents(gameId, timeout.Token)).OfType<PhaseAdvanced>().Any())
            await Task.Delay(100, timeout.Token);
        var state = Rules.Replay(await cluster.Store.LoadEvents(gameId, CancellationToken.None));
        Assert.Equal((1, Phase.Negotiation, (DateTimeOffset?)null), (state.Turn, state.Phase, state.Deadline));
        Assert.Equal(1, cluster.LiveOn(0));
        Assert.DoesNotContain(gameId, await cluster.Store.GamesWithPendingDeadlines(CancellationToken.None));
    }
}

/// <summary>
/// A node's subscription follows its game to the next activation without waiting for the renewal timer (these links
/// run with none): the grain says when it deactivates.
/// </summary>
public sealed class GameClusterResubscriptionTests(GameCluster cluster) : IClassFixture<GameCluster>
{
    internal static readonly SeatRecord Seat = new("s_ru", "", Audience.Of(Role.RU), "Ivan", null, Bot: false, Released: false, DateTimeOffset.UtcNow);

    [Fact]
    public async Task WhenAGameDeactivates_TheNodeSubscribesAgain_AndItsConnectionsGetThePushesOfTheNextActivation()
    {
        var gameId = await cluster.NewGame(seed: 15);
        await cluster.Game(1, gameId).View(Audience.Public);
        var publisher = new RecordingPublisher();
        var links = new GameLinks(cluster.Silo(0).GetRequiredService<IGrainFactory>(), publisher, NullLoggerFactory.Instance, Timeout.InfiniteTimeSpan);
        await links.StartAsync(CancellationToken.None);
        try
        {
            await links.Join("connection-on-silo-0", Seat with { GameId = gameId });
            await publisher.WaitFor(v => v.Version == 1);

            await cluster.Cluster.DeactivateAsync(cluster.Game(1, gameId));
            var posted = await cluster.Game(1, gameId).Execute(new PostMessage(Actor.Player(Role.UA), [], "After the reactivation"));
            Assert.True(posted.Accepted, posted.Message);

            var view = await publisher.WaitFor(v => v.Messages.Any(m => m.Text == "After the reactivation"));
            Assert.Equal(Audience.Of(Role.RU), view.Audience);
        }
        finally
        {
            await links.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>The cluster declares the silo holding a game dead: the node with connections subscribes again at once.</summary>
public sealed class GameClusterFailoverTests(GameCluster cluster) : IClassFixture<GameCluster>
{
    [Fact]
    public async Task WhenTheSiloHoldingAGameDies_TheNodeSubscribesAgain_AndItsConnectionsGetThePushesFromTheSurvivor()
    {
        var gameId = await cluster.NewGame(seed: 16);
        await cluster.Game(1, gameId).View(Audience.Public);
        Assert.Equal(1, cluster.LiveOn(1));
        var publisher = new RecordingPublisher();
        var links = new GameLinks(cluster.Silo(0).GetRequiredService<IGrainFactory>(), publisher, NullLoggerFactory.Instance, Timeout.InfiniteTimeSpan);
        var watch = new ClusterWatch(cluster.Silo(0).GetRequiredService<IClusterMembershipService>(), links, NullLogger<ClusterWatch>.Instance);
        await links.StartAsync(CancellationToken.None);
        await watch.StartAsync(CancellationToken.None);
        try
        {
            await links.Join("connection-on-silo-0", GameClusterResubscriptionTests.Seat with { GameId = gameId });
            await publisher.WaitFor(v => v.Version == 1);

            await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos[1]);
            // Calls fail until the survivor declares the dead silo dead; then the game activates on the survivor.
            var posted = await Retried(() => cluster.Game(0, gameId).Execute(new PostMessage(Actor.Player(Role.UA), [], "After the failover")));
            Assert.True(posted.Accepted, posted.Message);

            var view = await publisher.WaitFor(v => v.Messages.Any(m => m.Text == "After the failover"));
            Assert.Equal(Audience.Of(Role.RU), view.Audience);
            Assert.Equal(1, cluster.LiveOn(0));
        }
        finally
        {
            await watch.StopAsync(CancellationToken.None);
            await links.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<T> Retried<T>(Func<Task<T>> call)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is OrleansMessageRejectionException or TimeoutException or SiloUnavailableException && !timeout.IsCancellationRequested)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }
}

/// <summary>Records the views a node would send its connections.</summary>
internal sealed class RecordingPublisher : IGamePublisher
{
    private readonly ConcurrentQueue<GameView> _views = new();

    public async Task<GameView> WaitFor(Func<GameView, bool> condition)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (true)
        {
            if (_views.LastOrDefault(condition) is { } view)
                return view;
            await Task.Delay(20, timeout.Token);
        }
    }

    public Task Attach(string connectionId, string gameId, Audience audience) => Task.CompletedTask;

    public Task Detach(string connectionId, string gameId, Audience audience) => Task.CompletedTask;

    public Task SendView(IReadOnlyList<string> connectionIds, string gameId, GameView view) => PublishView(gameId, view.Audience, view);

    public Task PublishView(string gameId, Audience audience, GameView view)
    {
        _views.Enqueue(view);
        return Task.CompletedTask;
    }

    public Task PublishUpdate(string gameId, Audience audience, ViewDelta delta, IReadOnlyList<string> excluded)
    {
        _views.Enqueue(delta.ApplyTo(_views.Last(v => v.Audience == audience)));
        return Task.CompletedTask;
    }

    public Task SendSeats(IReadOnlyList<string> connectionIds, string gameId, IReadOnlyList<SeatView> seats) => Task.CompletedTask;

    public Task PublishSeats(string gameId, IReadOnlyList<SeatView> seats) => Task.CompletedTask;
}
