using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Wargame.Domain.Serialization;
using Wargame.Server.Hubs;
using Wargame.Server.Options;

namespace Wargame.Server.Hosting;

/// <summary>
/// How a node joins the cluster: as a silo (the default; one node uses localhost clustering, several find each other
/// in PostgreSQL's membership table) or as a front end that reaches the silos through their gateways.
/// </summary>
internal static class OrleansSetup
{
    public const string ServiceId = "wargame";

    public static void AddSilo(IHostApplicationBuilder builder, WargameOptions options)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, ServiceId));
            var siloPort = options.SiloPort is 0 ? FreePort() : options.SiloPort;
            var gatewayPort = options.GatewayPort is 0 ? FreePort() : options.GatewayPort;
            if (options.Store == StoreKind.Postgres)
            {
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", options.PostgresConnectionString));
                var address = options.AdvertisedAddress is { } given ? IPAddress.Parse(given) : IPAddress.Loopback;
                silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: options.AdvertisedAddress is not null);
                silo.Configure<ClusterMembershipOptions>(TuneMembership);
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: options.ClusterId);
            }
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.CommandResponseTimeout);
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = options.IdleTimeout;
                o.CollectionQuantum = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.IdleTimeout.Ticks / 2));
            });
            AddSerialization(silo.Services);
        });
    }

    public static void AddFrontEnd(IHostApplicationBuilder builder, WargameOptions options)
    {
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, ServiceId));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", options.PostgresConnectionString));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.CommandResponseTimeout);
            // A front end learns of a new or dead silo's gateway within seconds, not the default minute.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            // A gateway lost is a silo stopping or dead: its games activate elsewhere with no subscribers, so subscribe again now.
            client.AddGatewayCountChangedHandler(services => (_, change) =>
            {
                if (change.NumberOfConnectedGateways < change.PreviousNumberOfConnectedGateways)
                    services.GetRequiredService<GameLinks>().RenewNow($"connected gateways fell from {change.PreviousNumberOfConnectedGateways} to {change.NumberOfConnectedGateways}");
            });
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                // Silos may start after their front ends: keep trying until one answers or the node stops.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
            AddSerialization(client.Services);
        });
    }

    /// <summary>
    /// Domain types (commands, views, orders, terms) cross grain boundaries in the domain's own JSON shape, the one
    /// clients and the event store use; the server's own types have generated serializers. Domain records are
    /// immutable, so a call inside one process passes them on without a copy.
    /// </summary>
    public static void AddSerialization(IServiceCollection services)
    {
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSerializable: IsDomainType,
            isCopyable: _ => false,
            configureOptions: json => json.Configure(o => o.SerializerOptions = GameJson.Options)));
        services.AddSingleton<IGeneralizedCopier, ImmutableDomainCopier>();
    }

    public static bool IsDomainType(Type type) =>
        type.Assembly == typeof(GameJson).Assembly && type.IsPublic || type.IsNestedPublic && type.Assembly == typeof(GameJson).Assembly;

    // A silo that misses three probes of 1 s is declared dead (the count of missed probes, with a shorter
    // probe). Measured here on two nodes: see docs/capacity.md "Failover". The price: a node that cannot answer for
    // about 3 s (a very long GC pause, a starved machine) is declared dead, ends itself and is restarted.
    internal static void TuneMembership(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 3;
        o.EnableConnectionLivenessCheck = false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ImmutableDomainCopier : IGeneralizedCopier
    {
        public bool IsSupportedType(Type type) => IsDomainType(type);

        public object? DeepCopy(object? input, CopyContext context) => input;
    }
}
