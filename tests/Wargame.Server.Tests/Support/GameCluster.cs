using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using Wargame.Domain.Game;
using Wargame.Domain.Scenarios;
using Wargame.Server.Games;
using Wargame.Server.Hosting;
using Wargame.Server.Options;
using Wargame.Server.Storage;

namespace Wargame.Server.Tests.Support;

/// <summary>
/// A two-silo Orleans TestCluster running the real game grain on one real SQLite file, with each silo's own services
/// (its grain factory, its count of live games) reachable, so a test can call a game from either silo. Both silos
/// share one game clock that the test moves by hand, and declare a silo dead as fast as a real node does.
/// </summary>
public sealed class GameCluster : IAsyncLifetime
{
    private const string StorePathKey = "WargameTestStorePath";

    // The silos are built from configuration, not from this object: they find their shared game clock by store path.
    private static readonly ConcurrentDictionary<string, ManualClock> Clocks = new();

    private readonly string _directory = RunningServer.NewDataDirectory();
    private TestCluster _cluster = null!;

    internal string StorePath => Path.Combine(_directory, "cluster.db");

    internal TestCluster Cluster => _cluster;

    internal SqliteGameStore Store { get; private set; } = null!;

    /// <summary>The game clock of both silos: deadlines fall due only when a test advances it.</summary>
    internal ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        Store = new SqliteGameStore(StorePath);
        await Store.Initialize(CancellationToken.None);
        Clocks[StorePath] = Clock;
        var builder = new TestClusterBuilder(2);
        builder.Properties[StorePathKey] = StorePath;
        builder.AddSiloBuilderConfigurator<SiloServices>();
        builder.AddClientBuilderConfigurator<ClientServices>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await Store.DisposeAsync();
        Clocks.TryRemove(StorePath, out _);
        RunningServer.DeleteDirectory(_directory);
    }

    /// <summary>The services of silo <paramref name="index"/> (0 is the primary).</summary>
    internal IServiceProvider Silo(int index) => ((InProcessSiloHandle)_cluster.Silos[index]).ServiceProvider;

    /// <summary>A game as the hub of silo <paramref name="index"/> reaches it; the first call activates it there.</summary>
    internal IGameGrain Game(int index, string gameId) => Silo(index).GetRequiredService<IGrainFactory>().GetGrain<IGameGrain>(gameId);

    internal int LiveOn(int index) => Silo(index).GetRequiredService<LiveGames>().Count;

    /// <summary>Registers a new game in the store from the test scenario and returns its id.</summary>
    internal async Task<string> NewGame(ulong seed = 11)
    {
        var file = Path.Combine(RunningServer.ScenarioDirectory, "test-ceasefire.yaml");
        var scenario = ScenarioParser.Parse(Path.GetFileName(file), File.ReadAllText(file)).Scenario!;
        var gameId = Secrets.NewGameId();
        await Store.CreateGame(new GameRecord(gameId, scenario.Id, Secrets.Hash("key"), DateTimeOffset.UtcNow), [], [Rules.Start(scenario, seed)], CancellationToken.None);
        return gameId;
    }

    private sealed class SiloServices : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var path = siloBuilder.Configuration[StorePathKey]!;
            var services = siloBuilder.Services;
            services.AddSingleton<IGameStore>(new SqliteGameStore(path));
            services.AddSingleton(new GameClock(Clocks[path]));
            services.Configure<ClusterMembershipOptions>(OrleansSetup.TuneMembership);
            services.AddSingleton<LiveGames>();
            services.AddMetrics();
            services.AddSingleton<CommandMetrics>();
            services.Configure<WargameOptions>(o => o.DeadlineScanPeriod = TimeSpan.FromSeconds(1));
            services.AddHostedService<DeadlineKeeper>();
            OrleansSetup.AddSerialization(services);
        }
    }

    private sealed class ClientServices : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => OrleansSetup.AddSerialization(clientBuilder.Services);
    }
}
