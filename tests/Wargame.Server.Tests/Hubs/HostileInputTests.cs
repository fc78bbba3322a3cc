using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>What a hostile student (or a careless one) throws at the server: floods, honest-looking names, leaked codes, crafted files.</summary>
public sealed class HostileInputTests
{
    private const string KeyHeader = "X-Facilitator-Key";

    [Theory]
    [InlineData("Anna\u202Egnp.exe")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("Bob\u0007")]
    [InlineData("Line\nbreak")]
    [InlineData("Facilitator")]
    [InlineData(" f a c i l i t a t o r ")]
    [InlineData("Ukraine (bot)")]
    public async Task ADisplayNameThatHidesOrPretends_IsRefusedWithTheReason(string name)
    {
        await using var server = await RunningServer.Start();
        var game = await server.CreateGame();
        var client = await server.Connect();

        var refused = await Assert.ThrowsAsync<HubException>(() => client.JoinWithCode(game.JoinCodes[Role.UA], name));
        Assert.Matches("display-name-(invalid|reserved)", refused.Message);
        Assert.Equal("Zoë Ünal-Bañez 李", (await client.JoinWithCode(game.JoinCodes[Role.UA], "Zoë Ünal-Bañez 李")).DisplayName);
    }

    [Fact]
    public async Task JoinsPerCode_AreLimited_EvenWhenTheyAllSucceed_AndAGameHasACapOnSeats()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:JoinsPerCodePerMinute", "3", "--Wargame:MaxSeatsPerGame", "6"]);
        var game = await server.CreateGame();
        for (var i = 0; i < 3; i++)
            await (await server.Connect()).JoinWithCode(game.ObserverCode, $"Watcher {i}");
        var flooded = await Assert.ThrowsAsync<HubException>(async () => await (await server.Connect()).JoinWithCode(game.ObserverCode, "Watcher 4"));
        Assert.Contains("too-many-joins", flooded.Message);

        // Three observers and three players fill the game's six seats; the seventh is refused whatever its code.
        foreach (var role in new[] { Role.UA, Role.RU, Role.US })
            await (await server.Connect()).JoinWithCode(game.JoinCodes[role], $"{role} player");
        var full = await Assert.ThrowsAsync<HubException>(async () => await (await server.Connect()).JoinWithCode(game.JoinCodes[Role.EU], "EU player"));
        Assert.Contains("game-full", full.Message);
    }

    [Fact]
    public async Task AFloodingSeat_IsRefused_WhileOtherSeatsAndTheFacilitatorPlayOn()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:MessageBurst", "3", "--Wargame:MessagesPerSeatPerMinute", "1", "--Wargame:CommandBurst", "5", "--Wargame:CommandsPerSeatPerMinute", "1"]);
        var table = await Table.Seat(server);
        var russia = table.Players[Role.RU];

        var codes = new List<string?>();
        for (var i = 0; i < 6; i++)
            codes.Add((await russia.PostMessage(new MessageRequest([], $"Spam {i}"))).Code);
        Assert.Equal([null, null, null, "rate-limited", "rate-limited", "rate-limited"], codes);
        // Five commands in all were let through the seat's command bucket; the next of any kind is refused too.
        Assert.Equal("rate-limited", (await russia.RespondToProposal(1, ProposalResponse.Accept)).Code);

        Assert.True((await table.Players[Role.UA].PostMessage(new MessageRequest([], "Still heard"))).Accepted);
        for (var i = 0; i < 8; i++)
            await table.Facilitate(f => f.PostMessage(new MessageRequest([], $"Facilitator {i}")));
        var view = await table.Observer.WaitForView(v => v.MessageCount == 12);
        Assert.Equal(3, view.Messages.Count(m => m.From == Role.RU));
    }

    [Fact]
    public async Task XForwardedFor_FromAnUntrustedClient_DoesNotBypassTheLimits()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:GameCreationsPerMinute", "2"]);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/games") { Content = JsonContent.Create(new { scenario = "test-ceasefire" }) };
            request.Headers.Add("X-Forwarded-For", $"10.0.0.{i + 1}");
            statuses.Add((await server.Http.SendAsync(request)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TheFacilitator_RotatesAJoinCode_SoTheOldOneNoLongerSeatsAnyone()
    {
        await using var server = await RunningServer.Start();
        var game = await server.CreateGame();
        var released = await server.Connect();
        await released.JoinWithCode(game.JoinCodes[Role.RU], "Ivan");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Rotate(server, game.GameId, "RU", key: null)).StatusCode);
        var other = await server.CreateGame();
        Assert.Equal(HttpStatusCode.Forbidden, (await Rotate(server, game.GameId, "RU", other.FacilitatorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Rotate(server, game.GameId, "facilitator", game.FacilitatorKey)).StatusCode);

        var rotated = await Rotate(server, game.GameId, "RU", game.FacilitatorKey);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var code = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code);
        Assert.NotEqual(game.JoinCodes[Role.RU], code);

        var old = await Assert.ThrowsAsync<HubException>(async () => await (await server.Connect()).JoinWithCode(game.JoinCodes[Role.RU], "Ivan again"));
        Assert.Contains("unknown-code", old.Message);
        Assert.Equal(Audience.Of(Role.RU), (await (await server.Connect()).JoinWithCode(code, "Olga")).Audience);
        // The seat taken before the rotation plays on.
        Assert.True((await released.PostMessage(new MessageRequest([], "Still seated"))).Accepted);
        using var details = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{game.GameId}");
        details.Headers.Add(KeyHeader, game.FacilitatorKey);
        Assert.Contains(code, await (await server.Http.SendAsync(details)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryResponse_CarriesTheBrowserHardeningHeaders()
    {
        await using var server = await RunningServer.Start();
        foreach (var path in new[] { "/", "/api/scenarios", "/api/nothing-here" })
        {
            var response = await server.Http.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("script-src 'self'", policy);
        }
    }

    [Fact]
    public async Task AnImportTheRulesWouldRefuse_GetsA400NamingTheEvent_OrA413WhenHuge_AndCreatesNothing()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:MaxImportBytes", "200000"]);
        var table = await Table.Seat(server, seed: 5);
        await table.AdvanceTo(Phase.Orders);
        Assert.True((await table.Players[Role.RU].SubmitOrders(Table.OrdersFor(Role.RU))).Accepted);
        await table.Facilitate(f => f.SetDeadline(600));
        var exported = await Export(server, table.Game);

        // Russia's orders filed as Ukraine's, in the log and in its commands alike.
        var asUkraine = exported with
        {
            Events = [.. exported.Events.Select(e => e is OrdersSubmitted { Role: Role.RU } o ? o with { Role = Role.UA } : e)],
            Commands = [.. exported.Commands.Select(c => c is SubmitOrders { Actor.Role: Role.RU } s ? s with { Actor = Actor.Player(Role.UA) } : c)],
        };
        await Refused(asUkraine, "is refused by the rules at event");
        await Refused(asUkraine, "(wrong-orders-kind)");

        var farFuture = exported with
        {
            Events = [.. exported.Events.Select(e => e is DeadlineSet { Deadline: not null } d ? d with { Deadline = new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero) } : e)],
            Commands = [.. exported.Commands.Select(c => c is SetDeadline d ? d with { Now = new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(-600) } : c)],
        };
        await Refused(farFuture, "deadline");

        var json = exported.ToJson();
        await Refused(json.Replace("\"scenario\":\"test-ceasefire\"", "\"scenario\":\"no-such-scenario\"", StringComparison.Ordinal), "no-such-scenario");
        var anySubmitted = System.Text.RegularExpressions.Regex.Match(json, "\"troopChange\":-?[0-9]+");
        if (anySubmitted.Success)
            await Refused(json.Replace(anySubmitted.Value, "\"troopChange\":1e999", StringComparison.Ordinal), "");
        await Refused(json.Replace("\"seed\":5,", "\"seed\":NaN,", StringComparison.Ordinal), "");

        var huge = await Post(server, json[..^1] + ",\"padding\":\"" + new string('x', 300_000) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("saved-game-too-large", await huge.Content.ReadAsStringAsync());

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/games");
        list.Headers.Add(KeyHeader, table.Game.FacilitatorKey);
        Assert.Single(await (await server.Http.SendAsync(list)).Content.ReadFromJsonAsync<JsonElement[]>() ?? []);

        async Task Refused(object file, string expected)
        {
            var response = await Post(server, file as string ?? JsonSerializer.Serialize((SavedGame)file, GameJson.Options));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
            Assert.True(body.Contains(expected, StringComparison.Ordinal), body);
        }
    }

    [Fact]
    public async Task ARefusedJoinOrCommand_IsOneInformationLine_WithoutAStackTrace()
    {
        var directory = RunningServer.NewDataDirectory();
        try
        {
            await using (var server = await RunningServer.Start(directory, settings: ["--Serilog:MinimumLevel:Default", "Information"]))
            {
                var table = await Table.Seat(server);
                var guesser = await server.Connect();
                await Assert.ThrowsAsync<HubException>(() => guesser.JoinWithCode("ZZZZ-ZZZZ", "Guesser"));
                await Assert.ThrowsAsync<HubException>(() => guesser.JoinWithCode(table.Game.JoinCodes[Role.EU], "Facilitator"));
                Assert.Equal("unknown-proposal", (await table.Players[Role.RU].RespondToProposal(424242, ProposalResponse.Accept)).Code);
                await server.Stop();
            }
            var lines = Directory.GetFiles(Path.Combine(directory, "logs")).SelectMany(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(stream).ReadToEnd().Split('\n');
            }).ToList();
            Assert.True(lines.Count(l => l.Contains("unknown-code")) == 1, string.Join("\n", lines));
            Assert.Single(lines, l => l.Contains("display-name-reserved"));
            Assert.Single(lines, l => l.Contains("refused: unknown-proposal"));
            Assert.All(lines.Where(l => l.Contains("unknown-code") || l.Contains("display-name") || l.Contains("unknown-proposal")), l => Assert.Contains("[INF]", l));
            // (Orleans and the host warn about the machine and the shutdown; those lines are not about the refusals.)
            bool Ours(string l) => l.Contains("\"SourceContext\":\"Wargame.", StringComparison.Ordinal) || l.Contains("\"SourceContext\":\"Microsoft.AspNetCore.SignalR", StringComparison.Ordinal);
            var noisy = lines.Where(l => ((l.Contains("[ERR]") || l.Contains("[WRN]")) && Ours(l)) || l.TrimStart().StartsWith("at Wargame", StringComparison.Ordinal)).ToList();
            Assert.True(noisy.Count == 0, string.Join("\n", noisy));
        }
        finally
        {
            RunningServer.DeleteDirectory(directory);
        }
    }

    private static async Task<HttpResponseMessage> Rotate(RunningServer server, string gameId, string audience, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/games/{gameId}/codes/{audience}/rotate");
        if (key is not null)
            request.Headers.Add(KeyHeader, key);
        return await server.Http.SendAsync(request);
    }

    private static async Task<SavedGame> Export(RunningServer server, CreatedGame game)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{game.GameId}/export");
        request.Headers.Add(KeyHeader, game.FacilitatorKey);
        var response = await server.Http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!;
    }

    private static Task<HttpResponseMessage> Post(RunningServer server, string json) =>
        server.Http.PostAsync("/api/games/import", new StringContent(json, Encoding.UTF8, "application/json"));
}
