using Microsoft.Extensions.Options;
using Wargame.Server.Options;
using Wargame.Server.Storage;

namespace Wargame.Server.Games;

/// <summary>
/// Makes deadlines outlive the node that held their game. The store records each game's running deadline (the grain
/// writes it when the deadline changes); at start and then periodically every silo activates those games, which
/// re-arms their deadline timers wherever Orleans places them. An active game answers at once, so the scan costs one
/// query and one call per running deadline.
/// This rather than Orleans reminders: a deadline is a wall-clock time on the game clock that the domain sees, and a
/// reminder whose tick was missed while its silo was dead fires only at its next period (at least a minute), so it
/// would not be sooner; and the fact "a deadline runs" stays in one place, the store that holds the log.
/// </summary>
internal sealed class DeadlineKeeper(
    IGameStore store,
    IGrainFactory grains,
    IOptions<WargameOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DeadlineKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls work once the silo has joined its cluster, which the host has done when it reports started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        using var timer = new PeriodicTimer(options.Value.DeadlineScanPeriod);
        do
        {
            try
            {
                await WatchPendingDeadlines(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Looking for games with running deadlines failed; trying again at the next scan");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task WatchPendingDeadlines(CancellationToken stoppingToken)
    {
        foreach (var gameId in await store.GamesWithPendingDeadlines(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IGameGrain>(gameId).WatchDeadline();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Game {GameId} could not be activated to watch its deadline", gameId);
            }
        }
    }
}
