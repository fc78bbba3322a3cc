namespace Wargame.Server.Hubs;

/// <summary>
/// On a silo node: when the cluster declares a silo dead, the games it held activate elsewhere with no subscribers, so
/// this node's links subscribe again at once (and thereby activate them) instead of at their next renewal. A front
/// end learns the same from its gateway count (see OrleansSetup.AddFrontEnd).
/// </summary>
internal sealed class ClusterWatch(IClusterMembershipService membership, GameLinks links, ILogger<ClusterWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        HashSet<SiloAddress>? dead = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var nowDead = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
                // The first snapshot lists silos that died before this one joined: their games have moved long ago.
                if (dead is not null && nowDead.Except(dead).ToList() is { Count: > 0 } newlyDead)
                    links.RenewNow($"silo {string.Join(", ", newlyDead)} declared dead");
                dead = nowDead;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Watching the cluster's membership failed; subscriptions still renew on their timer");
        }
    }
}
