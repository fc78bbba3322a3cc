using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Wargame.Server.Options;

namespace Wargame.Server.Seats;

/// <summary>
/// Token buckets per seat: commands of any kind, and messages on top. A player who floods the game is refused (the
/// refusal costs the game nothing) while everyone else plays on; a burst lets a student send several things at once.
/// </summary>
internal sealed class SeatRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _commands;
    private readonly PartitionedRateLimiter<string> _messages;

    public SeatRateLimits(IOptions<WargameOptions> options)
    {
        var o = options.Value;
        _commands = Buckets(o.CommandsPerSeatPerMinute, o.CommandBurst);
        _messages = Buckets(o.MessagesPerSeatPerMinute, o.MessageBurst);
    }

    public bool TryCommand(string seatId) => Take(_commands, seatId);

    public bool TryMessage(string seatId) => Take(_messages, seatId);

    public void Dispose()
    {
        _commands.Dispose();
        _messages.Dispose();
    }

    private static bool Take(PartitionedRateLimiter<string> limiter, string seatId)
    {
        using var lease = limiter.AttemptAcquire(seatId);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Buckets(int perMinute, int burst) =>
        PartitionedRateLimiter.Create<string, string>(seat => RateLimitPartition.GetTokenBucketLimiter(seat, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
