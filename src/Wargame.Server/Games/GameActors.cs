using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Wargame.Server.Hosting;
using Wargame.Server.Hubs;
using Wargame.Server.Seats;
using Wargame.Server.Storage;

namespace Wargame.Server.Games;

/// <summary>
/// The node's live games: at most one activation per game, created on first use, passivated when idle
/// (<see cref="PassivateIdle"/>) and reactivated transparently by the next call through its <see cref="IGameGrain"/>.
/// </summary>
internal sealed class GameActors(
    IGameStore store,
    IGamePublisher publisher,
    Presence presence,
    GameClock clock,
    IOptions<WargameOptions> options,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GameActor>> _live = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<GameActor>();

    public int LiveCount => _live.Count;

    public IGameGrain Get(string gameId) => new Grain(this, gameId);

    public bool IsLive(string gameId) => _live.ContainsKey(gameId);

    /// <summary>Passivates every actor idle for longer than the configured time; returns how many.</summary>
    public async Task<int> PassivateIdle()
    {
        var passivated = 0;
        foreach (var (gameId, lazy) in _live)
        {
            if (!lazy.IsValueCreated || lazy.Value.IdleFor < options.Value.IdleTimeout)
                continue;
            if (await lazy.Value.TryPassivate(options.Value.IdleTimeout))
            {
                _live.TryRemove(new KeyValuePair<string, Lazy<GameActor>>(gameId, lazy));
                passivated++;
            }
        }
        if (passivated > 0)
            _logger.LogInformation("Passivated {Count} idle games; {Live} remain live", passivated, _live.Count);
        return passivated;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _live.Values.Where(l => l.IsValueCreated))
            await lazy.Value.Deactivate();
        _live.Clear();
    }

    private async Task<T> Call<T>(string gameId, Func<GameActor, Task<T>> call)
    {
        while (true)
        {
            var lazy = _live.GetOrAdd(gameId, id => new Lazy<GameActor>(() => new GameActor(id, store, publisher, presence, clock.Time, _logger)));
            try
            {
                return await call(lazy.Value);
            }
            catch (ActorDeactivatedException)
            {
                _live.TryRemove(new KeyValuePair<string, Lazy<GameActor>>(gameId, lazy));
            }
            catch (GameNotFoundException)
            {
                _live.TryRemove(new KeyValuePair<string, Lazy<GameActor>>(gameId, lazy));
                await lazy.Value.TryPassivate(TimeSpan.Zero);
                throw;
            }
        }
    }

    /// <summary>A reference to a game, valid across passivations: each call goes to the current activation.</summary>
    private sealed class Grain(GameActors actors, string gameId) : IGameGrain
    {
        public string GameId => gameId;

        public Task<CommandResult> Execute(GameCommand command) => actors.Call(gameId, a => a.Execute(command));

        public Task Attach(string connectionId, Audience audience) => actors.Call(gameId, async a => { await a.Attach(connectionId, audience); return true; });

        public Task<GameView> View(Audience audience) => actors.Call(gameId, a => a.View(audience));

        public Task PublishSeats() => actors.Call(gameId, async a => { await a.PublishSeats(); return true; });
    }
}

/// <summary>Checks for idle actors periodically, and at start re-activates games whose deadline timer must run.</summary>
internal sealed class ActorLifecycleService(GameActors actors, IGameStore store, IOptions<WargameOptions> options, GameClock clock, ILogger<ActorLifecycleService> logger)
    : BackgroundService
{
    private static readonly TimeSpan DeadlineScan = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ActivateGamesWithDeadlines(stoppingToken);
        var lastScan = clock.Time.GetTimestamp();
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(200).Ticks, options.Value.IdleTimeout.Ticks / 4));
        using var timer = new PeriodicTimer(period, clock.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await actors.PassivateIdle();
                // Another node may have died holding a game with a running deadline: whoever scans next re-arms it.
                if (clock.Time.GetElapsedTime(lastScan) >= DeadlineScan)
                {
                    await ActivateGamesWithDeadlines(stoppingToken);
                    lastScan = clock.Time.GetTimestamp();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Looking after idle games and deadlines failed; trying again at the next tick");
            }
        }
    }

    private async Task ActivateGamesWithDeadlines(CancellationToken stoppingToken)
    {
        foreach (var gameId in await store.GamesWithPendingDeadlines(stoppingToken))
        {
            if (actors.IsLive(gameId))
                continue;
            try
            {
                await actors.Get(gameId).View(Audience.Public);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Game {GameId} could not be activated to run its deadline", gameId);
            }
        }
    }
}
