namespace Wargame.Server.Hubs;

/// <summary>
/// Sends a game's pushes to this node's connections off the observer's thread, so one slow client never stalls the
/// game or the other audiences. One sender per group (an audience's views, the seat list) sends in order, so each
/// connection still receives them in order; a push queued behind a slow send is replaced by a newer one of the same
/// group, since a client keeps only the latest.
/// </summary>
internal sealed class PushOutbox(string gameId, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Func<Task>> _waiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sending = new(StringComparer.Ordinal);

    /// <summary>Queues <paramref name="send"/> as the latest push of <paramref name="group"/> and returns at once.</summary>
    public void Post(string group, Func<Task> send)
    {
        lock (_lock)
        {
            _waiting[group] = send;
            if (!_sending.Add(group))
                return;
        }
        _ = Task.Run(() => Drain(group));
    }

    private async Task Drain(string group)
    {
        while (true)
        {
            Func<Task> send;
            lock (_lock)
            {
                if (!_waiting.Remove(group, out send!))
                {
                    _sending.Remove(group);
                    return;
                }
            }
            try
            {
                await send();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A push to {Group} of game {GameId} failed", group, gameId);
            }
        }
    }
}
