using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Wargame.Server.Hubs;

namespace Wargame.Server.Games;

/// <summary>
/// Sends each audience's views off the game actor's mailbox, so one slow client never stalls its game. One sender
/// per audience sends in order (a connection is in one audience's group, so its views stay in order); a view
/// queued behind a slow send is replaced by a newer one, since a client keeps only the latest anyway.
/// </summary>
internal sealed class ViewOutbox(string gameId, IGamePublisher publisher, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Audience, GameView> _waiting = [];
    private readonly HashSet<Audience> _sending = [];

    /// <summary>Queues <paramref name="view"/> for its audience and returns at once.</summary>
    public void Post(Audience audience, GameView view)
    {
        lock (_lock)
        {
            _waiting[audience] = view;
            if (!_sending.Add(audience))
                return;
        }
        _ = Task.Run(() => Send(audience));
    }

    private async Task Send(Audience audience)
    {
        while (true)
        {
            GameView view;
            lock (_lock)
            {
                if (!_waiting.Remove(audience, out view!))
                {
                    _sending.Remove(audience);
                    return;
                }
            }
            try
            {
                await publisher.PublishView(gameId, audience, view);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Pushing version {Version} to {Audience} of game {GameId} failed", view.Version, audience, gameId);
            }
        }
    }
}
