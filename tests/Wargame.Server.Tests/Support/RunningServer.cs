using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Serialization;
using Wargame.Server.Games;
using Wargame.Server.Hosting;

namespace Wargame.Server.Tests.Support;

/// <summary>The real server on a loopback port with a real SQLite file in a temporary data directory.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly List<GameClient> _clients = [];

    private RunningServer(WebApplication app, string dataDirectory, bool ownsDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        OwnsDirectory = ownsDirectory;
        Address = app.Address();
        Http = new HttpClient { BaseAddress = new Uri(Address), Timeout = Timeout };
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public string Address { get; }
    public HttpClient Http { get; }

    /// <summary>The node's own grain factory, to call grains as the hub does.</summary>
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();
    private bool OwnsDirectory { get; }

    public static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "TestScenarios");

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("wargame-test-").FullName;

    /// <summary>
    /// Starts a server; pass <paramref name="dataDirectory"/> to start again on an existing store, <paramref name="services"/>
    /// to replace a service after the defaults.
    /// </summary>
    public static async Task<RunningServer> Start(string? dataDirectory = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null, params string[] settings)
    {
        var owns = dataDirectory is null;
        var directory = dataDirectory ?? NewDataDirectory();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Wargame:DataDirectory", directory,
            "--Wargame:ScenarioDirectory", ScenarioDirectory,
            "--Serilog:MinimumLevel:Default", "Warning",
            .. settings,
        ];
        var app = WargameServer.Build(args, replace =>
        {
            if (clock is not null)
                replace.AddSingleton(new GameClock(clock));
            services?.Invoke(replace);
        });
        await app.StartAsync().WaitAsync(Timeout);
        return new RunningServer(app, directory, owns);
    }

    public async Task<CreatedGame> CreateGame(ulong seed = 42, string scenario = "test-ceasefire")
    {
        var response = await Http.PostAsJsonAsync("/api/games", new { scenario, seed });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedGame>(GameJson.Options))!;
    }

    public async Task<GameClient> Connect(bool messagePack = false)
    {
        var client = await GameClient.Connect(Address, messagePack);
        _clients.Add(client);
        return client;
    }

    /// <summary>Stops the server but keeps its data directory, to start again on the same file.</summary>
    public async Task Stop()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        _clients.Clear();
        await App.StopAsync().WaitAsync(Timeout);
        await App.DisposeAsync();
        Http.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Stop();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by the test.
        }
        if (OwnsDirectory)
            DeleteDirectory(DataDirectory);
    }

    public static void DeleteDirectory(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open by a background flush; the OS cleans temp later.
        }
    }
}
