using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Wargame.Server.Options;

namespace Wargame.Server.Seats;

/// <summary>
/// New hub connections per client address and minute (<see cref="WargameOptions.HubConnectionsPerAddressPerMinute"/>):
/// a connection the server closed for calling past its limits cannot simply be replaced as fast as a script loops.
/// A new connection is a request to the hub without a connection id (a negotiation, or a WebSocket that skips it);
/// the requests of a connection already open (long polling's polls) are not counted. The address is the socket's,
/// or X-Forwarded-For's only from a trusted proxy (the forwarded-headers middleware runs first).
/// </summary>
internal static class HubConnectionLimit
{
    public const string Policy = "hub-connections";

    public static void Add(RateLimiterOptions limiter, WargameOptions options) =>
        limiter.AddPolicy(Policy, http => http.Request.Query.ContainsKey("id")
            ? RateLimitPartition.GetNoLimiter("open connection")
            : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.HubConnectionsPerAddressPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
}
