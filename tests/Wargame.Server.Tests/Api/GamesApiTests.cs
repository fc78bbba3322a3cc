using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Server.Api;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Api;

public sealed class GamesApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Scenarios_AreListed_AndHealthAndOpenApiAnswer()
    {
        var scenarios = await _server.Http.GetFromJsonAsync<ScenarioSummary[]>("/api/scenarios", GameJson.Options);
        Assert.Equal("test-ceasefire", Assert.Single(scenarios!).Id);
        var game = await _server.CreateGame();
        await (await _server.Connect()).JoinWithCode(game.ObserverCode, "Observer");
        var health = await _server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var status = await health.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        Assert.Equal("Healthy", status!["status"].GetString());
        Assert.Equal(1, status["liveGames"].GetInt32());
        Assert.Equal(1, status["connections"].GetInt32());
        Assert.True(status["gcHeapBytes"].GetInt64() > 0);
        var openApi = await _server.Http.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/games", "/api/games/{gameId}/export", "/api/games/import", "/api/games/{gameId}/fork", "/api/games/{gameId}/replay" })
            Assert.Contains($"\"{path}\"", openApi);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Http.GetAsync("/api/no-such-thing")).StatusCode);
    }

    [Fact]
    public async Task CreatingAGame_WithBadInput_SaysWhatWasWrong()
    {
        var unknown = await _server.Http.PostAsJsonAsync("/api/games", new { scenario = "atlantis" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("atlantis", await unknown.Content.ReadAsStringAsync());

        var malformed = await _server.Http.PostAsync("/api/games", new StringContent("{\"scenario\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("malformed-json", await malformed.Content.ReadAsStringAsync());

        var badEvent = await _server.Http.PostAsync("/api/games/import", new StringContent(
            "{\"events\": [{\"type\": \"meteorStrike\"}], \"seed\": 1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badEvent.StatusCode);
        Assert.Contains("meteorStrike", await badEvent.Content.ReadAsStringAsync());

        var badKey = await Send(HttpMethod.Post, "/api/games", "fk_not-a-real-key", new { scenario = "test-ceasefire" });
        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);
    }

    [Fact]
    public async Task EveryFacilitatorEndpoint_RefusesNoKeyAndAnotherGamesKey()
    {
        var game = await _server.CreateGame();
        var other = await _server.CreateGame();
        string[] paths = [$"/api/games/{game.GameId}", $"/api/games/{game.GameId}/export"];
        foreach (var path in paths)
        {
            Assert.Equal((path, HttpStatusCode.Unauthorized), (path, (await Send(HttpMethod.Get, path, null)).StatusCode));
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await Send(HttpMethod.Get, path, other.FacilitatorKey)).StatusCode));
            Assert.Equal((path, HttpStatusCode.OK), (path, (await Send(HttpMethod.Get, path, game.FacilitatorKey)).StatusCode));
        }
        foreach (var audience in new[] { "UA", "RU", "US", "EU", "facilitator" })
        {
            var path = $"/api/games/{game.GameId}/replay?audience={audience}";
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await Send(HttpMethod.Get, path, null)).StatusCode));
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await Send(HttpMethod.Get, path, other.FacilitatorKey)).StatusCode));
            Assert.Equal((path, HttpStatusCode.OK), (path, (await Send(HttpMethod.Get, path, game.FacilitatorKey)).StatusCode));
        }
        var fork = $"/api/games/{game.GameId}/fork?turn=1";
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, fork, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Post, fork, other.FacilitatorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/games", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/api/games/g_nosuchgame/export", game.FacilitatorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/games/{game.GameId}/replay?audience=public", null)).StatusCode);
    }

    [Fact]
    public async Task AFacilitatorsGames_AreListedUnderTheirKey_WithCodesAndSeats()
    {
        var first = await _server.CreateGame();
        var second = await (await Send(HttpMethod.Post, "/api/games", first.FacilitatorKey, new { scenario = "test-ceasefire", seed = 5 })).Content.ReadFromJsonAsync<CreatedGame>(GameJson.Options);
        Assert.Equal(first.FacilitatorKey, second!.FacilitatorKey);
        await _server.CreateGame();
        var player = await _server.Connect();
        await player.JoinWithCode(second.JoinCodes[Role.US], "Sam");

        var list = await Read<GameSummary[]>(await Send(HttpMethod.Get, "/api/games", first.FacilitatorKey));
        Assert.Equal(new[] { first.GameId, second.GameId }.Order(StringComparer.Ordinal), list.Select(g => g.GameId).Order(StringComparer.Ordinal));

        var details = await Read<GameDetails>(await Send(HttpMethod.Get, $"/api/games/{second.GameId}", first.FacilitatorKey));
        Assert.Equal(second.JoinCodes, details.JoinCodes);
        Assert.Equal(second.ObserverCode, details.ObserverCode);
        var seat = Assert.Single(details.Seats);
        Assert.Equal(("Sam", Audience.Of(Role.US), true), (seat.DisplayName, seat.Audience, seat.Connected));
        Assert.Equal(RoleSet.All.Count, details.View.PrivateRecords.Length);
    }

    [Fact]
    public async Task AnExportedGame_ImportsAsANewGameWithTheSameLog_AndABrokenOneIsRefused()
    {
        var table = await Table.Seat(_server, seed: 11);
        await table.Players[Role.UA].PostMessage(new MessageRequest([Role.US], "Private to the US"));
        await table.AdvanceTo(Phase.Orders);
        await table.Players[Role.RU].SubmitOrders(Table.OrdersFor(Role.RU));
        var exported = await Read<SavedGame>(await Send(HttpMethod.Get, $"/api/games/{table.Game.GameId}/export", table.Game.FacilitatorKey));
        Assert.NotEmpty(exported.Commands);

        var imported = await Read<CreatedGame>(await Send(HttpMethod.Post, "/api/games/import", null, exported));
        Assert.NotEqual(table.Game.FacilitatorKey, imported.FacilitatorKey);
        var again = await Read<SavedGame>(await Send(HttpMethod.Get, $"/api/games/{imported.GameId}/export", imported.FacilitatorKey));
        Assert.Equal(Json(exported.Events), Json(again.Events));
        Assert.Equal(Rules.Replay(exported.Events).Hash(), Rules.Replay(again.Events).Hash());

        var headless = exported with { Events = exported.Events.RemoveAt(0) };
        var refused = await Send(HttpMethod.Post, "/api/games/import", null, headless);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("gameStarted", await refused.Content.ReadAsStringAsync());
        var empty = await Send(HttpMethod.Post, "/api/games/import", null, new { scenario = exported.Scenario, seed = 1, events = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var truncated = await Send(HttpMethod.Post, "/api/games/import", null, exported with { Events = exported.Events.RemoveAt(exported.Events.Length - 1) });
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("but the log ends", await truncated.Content.ReadAsStringAsync());
        // Import re-runs the commands through the rules: an order edited in the file is named, not imported.
        var edited = exported with
        {
            Events = [.. exported.Events.Select(e => e is OrdersSubmitted { Orders: RussiaOrders ru } o ? o with { Orders = ru with { Posture = RussiaPosture.MajorOffensive } } : e)],
        };
        var tamperedOrder = await Send(HttpMethod.Post, "/api/games/import", null, edited);
        Assert.Equal(HttpStatusCode.BadRequest, tamperedOrder.StatusCode);
        Assert.Contains("(ordersSubmitted) is not what command", await tamperedOrder.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AForkAtATurn_ContinuesFromThatTurnsBriefing_AndATurnNotReachedIsRefused()
    {
        var table = await Table.Seat(_server, seed: 12);
        await table.AdvanceTo(Phase.Orders);
        foreach (var (role, player) in table.Players)
            await player.SubmitOrders(Table.OrdersFor(role));
        await table.Facilitate(f => f.AdvancePhase());
        await table.AdvanceTo(Phase.Negotiation);

        var fork = await Read<CreatedGame>(await Send(HttpMethod.Post, $"/api/games/{table.Game.GameId}/fork?turn=2", table.Game.FacilitatorKey));
        Assert.Equal(table.Game.FacilitatorKey, fork.FacilitatorKey);
        var forked = Rules.Replay((await Read<SavedGame>(await Send(HttpMethod.Get, $"/api/games/{fork.GameId}/export", fork.FacilitatorKey))).Events);
        Assert.Equal((2, Phase.Briefing), (forked.Turn, forked.Phase));

        var russia = await _server.Connect();
        await russia.JoinWithCode(fork.JoinCodes[Role.RU], "Ivan");
        var view = await russia.WaitForView(v => v.Version == forked.Version);
        Assert.Equal(1, Assert.Single(view.Results).Turn);

        var tooFar = await Send(HttpMethod.Post, $"/api/games/{table.Game.GameId}/fork?turn=3", table.Game.FacilitatorKey);
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Contains("turn 3", await tooFar.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Replay_StepsThroughTheGame_PerAudience_AndOpensRolesOnlyOnceRevealed()
    {
        var table = await Table.Seat(_server, seed: 13);
        await table.Players[Role.RU].PostMessage(new MessageRequest([Role.UA], "Secret talks"));
        await table.AdvanceTo(Phase.Orders);
        var gameId = table.Game.GameId;

        var publicFrame = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=public", null));
        Assert.Equal([Phase.Briefing, Phase.Negotiation, Phase.Orders], publicFrame.Steps.Select(s => s.Phase));
        Assert.Empty(publicFrame.View.PrivateRecords);
        Assert.Empty(publicFrame.View.Messages);

        var ukraineAtTwo = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=UA&version=2", table.Game.FacilitatorKey));
        Assert.Equal(2, ukraineAtTwo.Version);
        Assert.Equal("Secret talks", Assert.Single(ukraineAtTwo.View.Messages).Text);
        Assert.Equal(Role.UA, Assert.Single(ukraineAtTwo.View.PrivateRecords).Role);
        var ukraineAtOne = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=UA&version=1", table.Game.FacilitatorKey));
        Assert.Empty(ukraineAtOne.View.Messages);

        Assert.Equal(HttpStatusCode.BadRequest, (await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=NATO", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?version=99", null)).StatusCode);

        await table.Facilitate(f => f.EndGame());
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=RU", null)).StatusCode);
        await table.Facilitate(f => f.RevealAll());
        var russia = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=RU&version=2", null));
        Assert.Equal(Role.RU, Assert.Single(russia.View.PrivateRecords).Role);
        var forkAfterReveal = await Send(HttpMethod.Post, $"/api/games/{gameId}/fork?turn=1", null);
        Assert.Equal(HttpStatusCode.Created, forkAfterReveal.StatusCode);
    }

    [Fact]
    public async Task TheReplay_CarriesTheMapAfterEveryResolvedTurn_AndTheTeamsOnlyWithTheKeyOrAfterTheReveal()
    {
        var table = await Table.Seat(_server, seed: 17);
        var gameId = table.Game.GameId;
        Assert.Empty((await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=public", null))).Maps);

        await table.AdvanceTo(Phase.Debrief);
        await table.Facilitate(f => f.AdvancePhase());
        await table.AdvanceTo(Phase.Debrief);
        var view = await table.CurrentView();
        Assert.Equal(2, view.Turn);

        // The whole game's maps at any point of the replay, each as its turn left it.
        var early = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=public&version=1", null));
        Assert.Equal([1, 2], early.Maps.Select(m => m.Turn));
        Assert.Equal(view.Map.Territory, early.Maps[^1].Map.Territory);
        Assert.Equal(view.Map.ContactLine, early.Maps[^1].Map.ContactLine);
        // Seats name people: not for an anonymous public replay before the reveal.
        Assert.Empty(early.Teams);
        var withKey = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=public", table.Game.FacilitatorKey));
        Assert.Equal(RoleSet.All.Select(r => new TeamMember(r, $"{r} player", false)), withKey.Teams);

        await table.Facilitate(f => f.EndGame());
        await table.Facilitate(f => f.RevealAll());
        var revealed = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{gameId}/replay?audience=public", null));
        Assert.Equal(withKey.Teams.ToArray(), revealed.Teams.ToArray());
    }

    [Fact]
    public async Task APublicReplayWithoutTheKey_IsTheSameWhetherOrNotHiddenTalksHappened()
    {
        var quiet = await Table.Seat(_server, seed: 21);
        var busy = await Table.Seat(_server, seed: 21);
        await busy.Players[Role.UA].PostMessage(new MessageRequest([Role.US], "Back channel"));
        await busy.Players[Role.US].PostMessage(new MessageRequest([Role.UA, Role.EU], "Reply"));
        await quiet.AdvanceTo(Phase.Orders);
        await busy.AdvanceTo(Phase.Orders);

        async Task<string> PublicReplay(Table table, string query) =>
            JsonSerializer.Serialize(
                await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{table.Game.GameId}/replay?audience=public{query}", null))
                    with { GameId = "" },
                GameJson.Options);

        Assert.Equal(await PublicReplay(quiet, ""), await PublicReplay(busy, ""));
        Assert.Equal(await PublicReplay(quiet, "&version=2"), await PublicReplay(busy, "&version=2"));
        // With the key the facilitator steps through the whole log, hidden events included.
        var withKey = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{busy.Game.GameId}/replay?audience=public", busy.Game.FacilitatorKey));
        var withoutKey = await Read<ReplayFrame>(await Send(HttpMethod.Get, $"/api/games/{busy.Game.GameId}/replay?audience=public", null));
        Assert.Equal(withoutKey.LatestVersion + 2, withKey.LatestVersion);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? facilitatorKey, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (facilitatorKey is not null)
            request.Headers.Add(GamesApiHeader, facilitatorKey);
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: GameJson.Options);
        return await _server.Http.SendAsync(request);
    }

    private const string GamesApiHeader = "X-Facilitator-Key";

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(GameJson.Options))!;
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, GameJson.Options);
}
