using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Server.Hosting;
using Wargame.Server.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

/// <summary>The node's parts start at once: Kestrel answers while the store and the silo are still getting ready.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task WhileTheStoreIsNotReady_HealthzAnswersStarting_AndTheApiAsksToRetry_ThenBothServeOnceTheNodeHasStarted()
    {
        var directory = RunningServer.NewDataDirectory();
        var store = new SlowStartStore(new SqliteGameStore(Path.Combine(directory, "wargame.db")));
        var app = WargameServer.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Wargame:DataDirectory", directory,
            "--Wargame:ScenarioDirectory", RunningServer.ScenarioDirectory,
            "--Serilog:MinimumLevel:Default", "Warning",
        ], services => services.AddSingleton<IGameStore>(store));
        try
        {
            var starting = app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(await BoundAddress(app)), Timeout = RunningServer.Timeout };

            var health = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Starting", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            var create = await http.PostAsJsonAsync("/api/games", new { scenario = "test-ceasefire", seed = 42 });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
            Assert.Equal("1", create.Headers.RetryAfter?.ToString());
            Assert.Equal("The server is starting; try again in a moment.", (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
            Assert.False(starting.IsCompleted);

            store.Ready.SetResult();
            await starting.WaitAsync(RunningServer.Timeout);

            health = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            create = await http.PostAsJsonAsync("/api/games", new { scenario = "test-ceasefire", seed = 42 });
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        }
        finally
        {
            store.Ready.TrySetResult();
            await app.StopAsync().WaitAsync(RunningServer.Timeout);
            await app.DisposeAsync();
            RunningServer.DeleteDirectory(directory);
        }
    }

    /// <summary>Kestrel's address once it listens (port 0 is replaced by the bound port).</summary>
    private static async Task<string> BoundAddress(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (true)
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            if (addresses.FirstOrDefault(a => !a.EndsWith(":0", StringComparison.Ordinal)) is { } bound)
                return bound;
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The real SQLite store, whose schema creation waits until the test says the store is ready.</summary>
    private sealed class SlowStartStore(SqliteGameStore inner) : StoreDecorator(inner)
    {
        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task Initialize(CancellationToken cancellationToken)
        {
            await Ready.Task.WaitAsync(cancellationToken);
            await base.Initialize(cancellationToken);
        }
    }
}
