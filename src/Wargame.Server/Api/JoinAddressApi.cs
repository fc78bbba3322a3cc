using System.Collections.Immutable;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Wargame.Server.Api;

/// <summary>
/// Where students on other machines open the game: <see cref="Urls"/> are this machine's network addresses on the
/// ports the server listens on for every interface (or a named one); empty when it listens on loopback only, which
/// <see cref="LoopbackOnly"/> says so the lobby can tell the facilitator how to open it to the room.
/// </summary>
public sealed record JoinAddresses(ImmutableArray<string> Urls, bool LoopbackOnly);

internal static class JoinAddressApi
{
    public static void MapJoinAddressApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/join-addresses", (IServer server) => TypedResults.Ok(Of(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])))
            .WithName("GetJoinAddresses");

    public static JoinAddresses Of(IEnumerable<string> listening)
    {
        var urls = new List<string>();
        foreach (var address in listening)
        {
            // Kestrel reports wildcards as http://[::]:5000, http://0.0.0.0:5000 or http://+:5000.
            var wildcard = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri))
                continue;
            if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip))
            {
                if (!uri.IsLoopback)
                    urls.Add(uri.GetLeftPart(UriPartial.Authority));
                continue;
            }
            if (IPAddress.IsLoopback(ip))
                continue;
            if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
                urls.AddRange(NetworkAddresses().Select(a => $"{uri.Scheme}://{a}:{uri.Port}"));
            else
                urls.Add(uri.GetLeftPart(UriPartial.Authority));
        }
        return new JoinAddresses([.. urls.Distinct()], urls.Count == 0);
    }

    /// <summary>The IPv4 addresses of the interfaces that are up, other than loopback: what a laptop in the room can reach.</summary>
    private static IEnumerable<string> NetworkAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .Select(a => a.ToString())
            .Order(StringComparer.Ordinal);
}
