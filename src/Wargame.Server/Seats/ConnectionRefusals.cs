namespace Wargame.Server.Seats;

/// <summary>
/// The calls one hub connection has had refused before its game was asked, counted in one-minute windows: a connection
/// that keeps calling far past its limits is closed (<see cref="Options.WargameOptions.RefusedCallsPerConnectionPerMinute"/>),
/// so a script's loop costs the server one connection's refusals a minute, not a refusal per call for as long as it runs.
/// Kept in the connection's items, so it counts only what this connection did.
/// </summary>
internal sealed class ConnectionRefusals
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _refused;

    /// <summary>The items key of a connection the server is closing: its next call closes it at once.</summary>
    public const string ClosingKey = "closing";

    private const string Key = "refusals";

    /// <summary>Counts one refusal on the connection; true exactly once, when it goes past <paramref name="limit"/> in a window.</summary>
    public static bool CountCrossesLimit(IDictionary<object, object?> items, int limit, DateTimeOffset now)
    {
        if (!items.TryGetValue(Key, out var counted) || counted is not ConnectionRefusals refusals)
            items[Key] = refusals = new ConnectionRefusals();
        lock (refusals._lock)
        {
            if (now - refusals._windowStart >= Window)
                (refusals._windowStart, refusals._refused) = (now, 0);
            return ++refusals._refused == limit + 1;
        }
    }
}
