using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Server.Games;
using Wargame.Server.Tests.Support;
using Xunit.Abstractions;

namespace Wargame.Server.Tests.Hosting;

/// <summary>
/// Live idle games on one node and the memory each costs. The games are clones of one created game (its rows copied in
/// SQLite) activated through the node's grain factory, as a node's own calls reach them, without building a view or
/// an HTTP response for each, so a run reaches 100,000 in minutes (106 s on a quiet machine). The suite runs 500; for
/// the figure in docs/capacity.md, on an otherwise idle machine (under load, activations starve past Orleans' activation
/// timeout): WARGAME_IDLE_GAMES=100000 WARGAME_IDLE_SECONDS=660 dotnet test tests/Wargame.Server.Tests -c Release
/// --no-build --filter IdleGamesTests --logger "console;verbosity=detailed".
/// </summary>
public sealed class IdleGamesTests(ITestOutputHelper output)
{
    private const int Warm = 200;

    [Fact]
    public async Task OneNode_KeepsEveryActivatedIdleGameLive_AndReportsTheMemoryEachCosts()
    {
        var games = Setting("WARGAME_IDLE_GAMES", 500);
        var seconds = Setting("WARGAME_IDLE_SECONDS", 120);
        await using var server = await RunningServer.Start(settings: ["--Wargame:IdleTimeout", "02:00:00"]);
        var original = await server.CreateGame();
        await Clone(Path.Combine(server.DataDirectory, "wargame.db"), original.GameId, games);
        var live = server.App.Services.GetRequiredService<LiveGames>();

        // The first clones warm the JIT, pools and SQLite's cache, so the baseline holds them.
        await Activate(server, 0, Warm, TimeSpan.FromMinutes(5));
        var before = Memory();
        var liveBefore = live.Count;
        var started = DateTime.UtcNow;
        var activated = await Activate(server, Warm, games - Warm, TimeSpan.FromSeconds(seconds));
        var took = DateTime.UtcNow - started;
        var after = Memory();

        Assert.True(activated > 0, "No game was activated.");
        Assert.Equal(liveBefore + activated, live.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{activated} of {games - Warm} idle games activated in {took.TotalSeconds:F0} s ({activated / took.TotalSeconds:F0}/s); {live.Count} live. " +
            $"RSS {before.Rss / Mebi:F0} -> {after.Rss / Mebi:F0} MiB = {(after.Rss - before.Rss) / 1024.0 / activated:F1} KiB a game; " +
            $"GC heap after a full collection {before.Heap / Mebi:F0} -> {after.Heap / Mebi:F0} MiB = {(after.Heap - before.Heap) / 1024.0 / activated:F1} KiB a game; " +
            $"load {File.ReadAllText("/proc/loadavg")[..14]}"));
    }

    private const double Mebi = 1024 * 1024;

    private static (long Rss, long Heap) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
        var rss = long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (rss, heap);
    }

    /// <summary>Activates g_clone{first}.. through the node's grain factory, 32 at a time, until done or <paramref name="within"/> passed.</summary>
    private static async Task<int> Activate(RunningServer server, int first, int count, TimeSpan within)
    {
        var stopAt = DateTime.UtcNow + within;
        var activated = 0;
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            if (DateTime.UtcNow > stopAt)
                return;
            await server.Grains.GetGrain<IGameGrain>($"g_clone{i}").WatchDeadline();
            Interlocked.Increment(ref activated);
        });
        return activated;
    }

    /// <summary>Copies the game's rows <paramref name="count"/> times as g_clone0.. (same scenario, log and key).</summary>
    private static async Task Clone(string path, string gameId, int count)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString());
        await connection.OpenAsync();
        await using var clone = connection.CreateCommand();
        clone.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $count - 1)
            INSERT INTO games (game_id, scenario_id, facilitator_key_hash, created_at)
              SELECT 'g_clone' || i, scenario_id, facilitator_key_hash, created_at FROM games, n WHERE game_id = $game;
            INSERT INTO events (game_id, sequence, type, payload)
              SELECT g.game_id, e.sequence, e.type, e.payload FROM events e, games g WHERE e.game_id = $game AND g.game_id LIKE 'g_clone%';
            """;
        clone.Parameters.AddWithValue("$count", count);
        clone.Parameters.AddWithValue("$game", gameId);
        await clone.ExecuteNonQueryAsync();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
