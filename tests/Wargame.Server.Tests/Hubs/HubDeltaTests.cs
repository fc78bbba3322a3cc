using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Tests.Views;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Api;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>
/// Pushes are deltas: real SignalR clients that merge them into the JSON view they hold (as the browser does) hold
/// exactly their audience's view after every change of bot-played games, including after a dropped connection and a
/// resync, and no delta carries anything but its audience's own view.
/// </summary>
public sealed class HubDeltaTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(11UL)]
    [InlineData(2026UL)]
    [InlineData(90210UL)]
    public async Task ClientsMergingDeltas_HoldTheirAudiencesViewAfterEveryChange_ThroughADropAndAResync(ulong seed)
    {
        var table = await Table.Seat(_server, seed);
        var random = new Random((int)seed);
        foreach (var role in RoleSet.All)
            await table.Facilitate(f => f.AssignBot(role));
        var clients = Audiences(table);
        var game = _server.Grains.GetGrain<IGameGrain>(table.Game.GameId);

        for (var step = 0; step < 30; step++)
        {
            var view = await table.CurrentView();
            if (view.Ended)
                break;
            // Private and public talk between the bots' moves, so audiences see different changes.
            var (from, to) = (RoleSet.All[random.Next(4)], RoleSet.All[random.Next(4)]);
            await table.Players[from].PostMessage(new MessageRequest(from == to ? [] : [to], $"step {step}"));
            if (step == 4)
                await Drop(table.Players[Role.RU], table.Seats[Role.RU].SeatToken);
            if (step == 6)
                table.Observer.DropUpdates(1);
            if (step == 9)
                table.Facilitator.DropUpdates(2);
            await table.Facilitate(f => f.AdvancePhase());
            foreach (var (audience, client) in clients)
                await HoldsTheGamesView(client, game, audience);
        }

        Assert.True((await table.CurrentView()).Turn > 1, "the game did not get past its first turn");
        Assert.True(table.Observer.Gaps > 0 && table.Facilitator.Gaps > 0, "the dropped deltas were not noticed as gaps");
        var expected = await ViewsByVersion(table);
        foreach (var (audience, client) in clients)
        {
            Assert.True(client.Deltas.Count > 10, $"{audience} received only {client.Deltas.Count} deltas");
            // Every view the client held, after each whole view and each delta, is its audience's view at that version.
            foreach (var held in client.Views)
                Assert.Equal(expected[audience][held.Version], Json(held));
            foreach (var delta in client.Deltas)
                ClientMerge.AssertCarriesOnly(delta, JsonNode.Parse(expected[audience][(int)delta["version"]!])!.AsObject());
        }
    }

    [Fact]
    public async Task AfterJoining_AClientReceivesTheWholeViewOnce_ThenOnlyWhatChanged()
    {
        var table = await Table.Seat(_server, 7);
        var ukraine = table.Players[Role.UA];
        var joined = await ukraine.WaitForView(_ => true);

        await table.Facilitate(f => f.AdvancePhase());
        var result = await ukraine.PostMessage(new MessageRequest([], "Hello"));
        await ukraine.WaitForView(v => v.Version == result.Version);

        Assert.Single(ukraine.Views, v => v.Version == joined.Version);
        var delta = ukraine.Deltas.Single(d => (int)d["version"]! == result.Version);
        Assert.Equal(["audience", "baseVersion", "version", "messages"], delta.Select(p => p.Key));
        // Constant data (rules table, scenario, briefings) travels in the whole view only.
        Assert.All(ukraine.Deltas, d => Assert.False(d.ContainsKey("ruleConstants") || d.ContainsKey("scenario") || d.ContainsKey("privateRecords")));
    }

    [Fact]
    public async Task Resync_SendsTheCallerItsWholeView_AndNeedsASeat()
    {
        var table = await Table.Seat(_server, 8);
        var observer = table.Observer;
        var before = (await observer.WaitForView(_ => true)).Version;

        var result = await observer.Resync();

        Assert.Equal((true, before), (result.Accepted, result.Version));
        await observer.WaitForView(_ => observer.Views.Count(v => v.Version == before) == 2);
        var stranger = await _server.Connect();
        Assert.Equal("not-seated", (await stranger.Resync()).Code);
    }

    private static List<(Audience Audience, GameClient Client)> Audiences(Table table) =>
        [.. table.Players.Select(p => (Audience.Of(p.Key), p.Value)), (Audience.Facilitator, table.Facilitator), (Audience.Public, table.Observer)];

    /// <summary>Drops the connection as a closed laptop lid does; the client reconnects and resumes its seat.</summary>
    private static async Task Drop(GameClient client, string seatToken)
    {
        await client.Connection.StopAsync().WaitAsync(RunningServer.Timeout);
        await client.Connection.StartAsync().WaitAsync(RunningServer.Timeout);
        await client.Resume(seatToken);
    }

    private static async Task HoldsTheGamesView(GameClient client, IGameGrain game, Audience audience)
    {
        var expected = JsonSerializer.SerializeToNode(await game.View(audience), GameJson.Options);
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (!JsonNode.DeepEquals(client.Held, expected))
        {
            if (timeout.IsCancellationRequested)
                Assert.Fail($"{audience}'s client holds version {client.Held?["version"]}, not its view at {expected!["version"]}");
            await Task.Delay(20);
        }
    }

    private async Task<Dictionary<Audience, Dictionary<int, string>>> ViewsByVersion(Table table)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{table.Game.GameId}/export");
        request.Headers.Add("X-Facilitator-Key", table.Game.FacilitatorKey);
        var response = await _server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var events = (await response.Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!.Events;
        var views = Audience.All.ToDictionary(a => a, _ => new Dictionary<int, string>());
        var state = Rules.Begin(events[0]);
        foreach (var e in events.Skip(1).Prepend(null))
        {
            if (e is not null)
                state = Rules.Evolve(state, e);
            foreach (var audience in Audience.All)
                views[audience][AudienceVersions.Of(state, audience)] = Json(GameViews.For(state, audience));
        }
        return views;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);
}
