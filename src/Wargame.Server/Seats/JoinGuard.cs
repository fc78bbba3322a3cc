using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Wargame.Server.Options;

namespace Wargame.Server.Seats;

/// <summary>
/// Rate limits joins: failed ones (wrong code, key or token) per client address, so short codes cannot be guessed,
/// while a classroom behind one address can still join as fast as it types correct codes; and every join with one
/// code, so a leaked (observer) code cannot fill a game with seats.
/// </summary>
internal sealed class JoinGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly PartitionedRateLimiter<string> _perCode;

    public JoinGuard(IOptions<WargameOptions> options)
    {
        _failures = PerMinute(options.Value.FailedJoinsPerMinute);
        _perCode = PerMinute(options.Value.JoinsPerCodePerMinute);
    }

    /// <summary>Whether <paramref name="address"/> has used up its failed attempts for this minute.</summary>
    public bool IsBlocked(string address) => _failures.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    public void Failed(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    /// <summary>Counts a join with <paramref name="code"/>; false when the code has been used too often this minute.</summary>
    public bool TryJoinWith(string code)
    {
        using var lease = _perCode.AttemptAcquire(code);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _failures.Dispose();
        _perCode.Dispose();
    }

    private static PartitionedRateLimiter<string> PerMinute(int limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
