using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Wargame.Domain.Roles;
using Wargame.Server.Options;
using Wargame.Server.Storage;

namespace Wargame.Server.Seats;

/// <summary>
/// Token buckets that bound what one game can cost the server, checked in the hub before the game's grain is asked:
/// every call a seat makes (commands, pages, previews, resyncs, resumes, seat management) and its messages on top.
/// Each seat has its own buckets (the facilitator's are larger), and all the seats of one audience in a game share
/// one more pair, so many seats of one role cannot multiply the per-seat limit; a game has at most six audiences.
/// The shared budget is per audience, not per game, so a refusal depends only on what the caller's own audience did,
/// never on the hidden activity of another role.
/// </summary>
internal sealed class SeatRateLimits : IDisposable
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _playerCalls;
    private readonly PartitionedRateLimiter<string> _playerMessages;
    private readonly PartitionedRateLimiter<string> _facilitatorCalls;
    private readonly PartitionedRateLimiter<string> _facilitatorMessages;
    private readonly PartitionedRateLimiter<string> _audienceCalls;
    private readonly PartitionedRateLimiter<string> _audienceMessages;
    private readonly Dictionary<string, RefusalStreak> _refusals = [];
    private readonly TimeProvider _time;

    public SeatRateLimits(IOptions<WargameOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _time = time;
        _playerCalls = Buckets(o.CommandsPerSeatPerMinute, o.CommandBurst);
        _playerMessages = Buckets(o.MessagesPerSeatPerMinute, o.MessageBurst);
        _facilitatorCalls = Buckets(o.FacilitatorCallsPerMinute, o.FacilitatorCallBurst);
        _facilitatorMessages = Buckets(o.FacilitatorMessagesPerMinute, o.FacilitatorMessageBurst);
        _audienceCalls = Buckets(o.AudienceCallsPerMinute, o.AudienceCallBurst);
        _audienceMessages = Buckets(o.AudienceMessagesPerMinute, o.AudienceMessageBurst);
    }

    /// <summary>Takes one call from the seat's bucket and then from its audience's in the game; false if either is empty.</summary>
    public bool TryCall(SeatRecord seat) =>
        Take(seat.Audience.Kind == AudienceKind.Facilitator ? _facilitatorCalls : _playerCalls, seat.SeatId)
        && Take(_audienceCalls, AudienceKey(seat.GameId, seat.Audience));

    /// <summary>Takes one message from the seat's message bucket and its audience's (the call itself is counted by <see cref="TryCall"/>).</summary>
    public bool TryMessage(SeatRecord seat) =>
        Take(seat.Audience.Kind == AudienceKind.Facilitator ? _facilitatorMessages : _playerMessages, seat.SeatId)
        && Take(_audienceMessages, AudienceKey(seat.GameId, seat.Audience));

    /// <summary>A facilitator operation made over REST with the game's key (no seat): counted in the game's facilitator budget.</summary>
    public bool TryFacilitatorOperation(string gameId) => Take(_audienceCalls, AudienceKey(gameId, Audience.Facilitator));

    /// <summary>
    /// Whether to log a refusal of <paramref name="key"/> now: the first one, then at most once a minute, so a flood
    /// costs one log line a minute, not one a call. <paramref name="refused"/> counts the refusals the line covers.
    /// </summary>
    public bool ShouldLogRefusal(string key, out int refused)
    {
        var now = _time.GetUtcNow();
        lock (_refusals)
        {
            var streak = _refusals.GetValueOrDefault(key);
            if (streak is not null && now - streak.LoggedAt < LogEvery)
            {
                _refusals[key] = streak with { Unlogged = streak.Unlogged + 1 };
                refused = 0;
                return false;
            }
            if (_refusals.Count >= 10_000)
                foreach (var stale in _refusals.Where(r => now - r.Value.LoggedAt >= LogEvery).Select(r => r.Key).ToList())
                    _refusals.Remove(stale);
            _refusals[key] = new RefusalStreak(now, 0);
            refused = (streak?.Unlogged ?? 0) + 1;
            return true;
        }
    }

    public void Dispose()
    {
        _playerCalls.Dispose();
        _playerMessages.Dispose();
        _facilitatorCalls.Dispose();
        _facilitatorMessages.Dispose();
        _audienceCalls.Dispose();
        _audienceMessages.Dispose();
    }

    private static string AudienceKey(string gameId, Audience audience) => $"{gameId}/{audience}";

    private static bool Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Buckets(int perMinute, int burst) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private sealed record RefusalStreak(DateTimeOffset LoggedAt, int Unlogged);
}
