using System.Globalization;
using System.Net.Http.Json;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Server.Games;
using Wargame.Server.Tests.Support;
using Xunit.Abstractions;

namespace Wargame.Server.Tests.Hosting;

/// <summary>
/// How many idle games and connected seats one server process holds, and its resident memory. The suite runs a
/// small load; for the figures in the report run it larger, for example
/// WARGAME_CAPACITY_GAMES=5000 WARGAME_CAPACITY_CONNECTIONS=1000 dotnet test tests/Wargame.Server.Tests --filter Capacity --logger "console;verbosity=detailed".
/// </summary>
public sealed class CapacityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OneNode_HoldsManyLiveIdleGamesAndConnectedSeats()
    {
        var games = Setting("WARGAME_CAPACITY_GAMES", 200);
        var connections = Setting("WARGAME_CAPACITY_CONNECTIONS", 100);
        var directory = RunningServer.NewDataDirectory();
        var port = ChildServer.FreePort();
        var address = $"http://127.0.0.1:{port}";
        var clients = new List<GameClient>();
        try
        {
            await using var server = await ChildServer.Start(directory, port, "--Wargame:GameCreationsPerMinute", "1000000");
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = RunningServer.Timeout };
            var first = await Create(http);
            var baseline = server.ResidentMiB();

            // Every game activated (its actor live, its state in memory) by one observer who then leaves.
            var created = new List<CreatedGame> { first };
            for (var i = 1; i < games; i++)
                created.Add(await Create(http));
            foreach (var batch in created.Chunk(50))
            {
                await Task.WhenAll(batch.Select(async game =>
                {
                    await using var observer = await GameClient.Connect(address);
                    await observer.JoinWithCode(game.ObserverCode, "Observer");
                    await observer.WaitForView(v => v.Version == 1);
                }));
            }
            var withGames = server.ResidentMiB();

            for (var i = 0; i < connections; i++)
            {
                var client = await GameClient.Connect(address);
                clients.Add(client);
                var game = created[i % created.Count];
                await client.JoinWithCode(game.JoinCodes[RoleSet.All[i % 4]], $"Student {i}");
            }
            await Task.WhenAll(clients.Select(c => c.WaitForView(v => v.Version == 1)));
            var withConnections = server.ResidentMiB();
            var heap = await HeapMiB(http);

            var health = await http.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/healthz");
            Assert.Equal(games, health!["liveGames"].GetInt32());
            Assert.Equal(connections, health["connections"].GetInt32());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{games} live idle games, {connections} connected seats. Server RSS: {baseline:F0} MiB with one game, " +
                $"{withGames:F0} MiB with all games ({(withGames - baseline) * 1024 / games:F1} KiB a game), " +
                $"{withConnections:F0} MiB with the connections ({(withConnections - withGames) * 1024 / connections:F1} KiB a connection); " +
                $"GC heap at its last collection {heap:F1} MiB."));
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
            RunningServer.DeleteDirectory(directory);
        }
    }

    /// <summary>The server's GC heap in MiB, as /healthz reports it (as of the last collection).</summary>
    private static async Task<double> HeapMiB(HttpClient http)
    {
        var health = await http.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/healthz");
        return health!["gcHeapBytes"].GetInt64() / 1024.0 / 1024.0;
    }

    private static async Task<CreatedGame> Create(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/games", new { scenario = "test-ceasefire" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedGame>(GameJson.Options))!;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
