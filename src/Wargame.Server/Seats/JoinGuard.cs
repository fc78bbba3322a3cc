using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Wargame.Server.Options;

namespace Wargame.Server.Seats;

/// <summary>
/// Rate limits failed joins (wrong code, key or token) per client address, so short codes cannot be guessed,
/// while a classroom behind one address can still join as fast as it types correct codes.
/// </summary>
internal sealed class JoinGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public JoinGuard(IOptions<WargameOptions> options)
    {
        var limit = options.Value.FailedJoinsPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether <paramref name="address"/> has used up its failed attempts for this minute.</summary>
    public bool IsBlocked(string address) => _failures.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    public void Failed(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
