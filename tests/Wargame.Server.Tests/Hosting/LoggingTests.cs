using System.Text.Json;
using Wargame.Domain.Roles;
using Wargame.Server.Api;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

/// <summary>The log file, written by Serilog: each line's properties name the game and the role it is about.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task EachCommandsLines_NameItsGameAndRole_AndEachRequestIsLoggedWithItsGame()
    {
        // Tests log at Warning; the server's own default is Information, which requests are logged at. Accepted commands
        // are logged at Debug (the event log already holds each), so the game's lines are switched on here.
        await using var server = await RunningServer.Start(settings: ["--Serilog:MinimumLevel:Default", "Information",
            "--Serilog:MinimumLevel:Override:Wargame.Server.Games", "Debug"]);
        var table = await Table.Seat(server);
        var posted = await table.Players[Role.UA].PostMessage(new MessageRequest([], "For the log"));
        Assert.True(posted.Accepted, posted.Message);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{table.Game.GameId}");
        request.Headers.Add(GamesApi.FacilitatorKeyHeader, table.Game.FacilitatorKey);
        Assert.True((await server.Http.SendAsync(request)).IsSuccessStatusCode);
        await server.Stop();

        var lines = ChildServer.LogText(server.DataDirectory).Split('\n');
        var accepted = Properties(Line(lines, " PostMessage accepted; version 2 "));
        Assert.Equal((table.Game.GameId, "UA"), (accepted.GetProperty("GameId").GetString(), accepted.GetProperty("Role").GetString()));
        var requested = Properties(Line(lines, $"HTTP GET /api/games/{table.Game.GameId} responded 200"));
        Assert.Equal(table.Game.GameId, requested.GetProperty("GameId").GetString());
    }

    private static string Line(string[] lines, string text)
    {
        var found = lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"Expected one line with '{text}', found {found.Count} in:\n{string.Join("\n", lines.Where(l => l.Contains("[INF]", StringComparison.Ordinal) && !l.Contains("Orleans", StringComparison.Ordinal)))}");
        return found[0];
    }

    /// <summary>The JSON object of properties the file sink writes after each message.</summary>
    private static JsonElement Properties(string line) => JsonDocument.Parse(line[line.IndexOf(" {\"", StringComparison.Ordinal)..].Trim()).RootElement;
}
