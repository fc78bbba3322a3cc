using System.Text.Json;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>One game through the whole stack: REST creation, four roles over the hub, orders, resolution.</summary>
public sealed class ThinGameTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FourRolesJoin_EachSeesOnlyItsOwnBriefing_AndEveryoneSeesTheResolvedTurn()
    {
        var game = await _server.CreateGame();
        var players = new Dictionary<Role, GameClient>();
        foreach (var role in RoleSet.All)
        {
            var client = await _server.Connect();
            var joined = await client.JoinWithCode(game.JoinCodes[role], $"{role} student");
            Assert.Equal(game.GameId, joined.GameId);
            Assert.Equal(Audience.Of(role), joined.Audience);
            Assert.StartsWith("st_", joined.SeatToken);
            players[role] = client;
        }

        foreach (var (role, client) in players)
        {
            var view = await client.WaitForView(v => v.Version == 1);
            var record = Assert.Single(view.PrivateRecords);
            Assert.Equal(role, record.Role);
            Assert.StartsWith($"SECRET-{role}", record.Briefing);
            var json = JsonSerializer.Serialize(view, GameJson.Options);
            Assert.Equal(1, CountOccurrences(json, "SECRET-"));
        }

        var facilitator = await _server.Connect();
        await facilitator.JoinAsFacilitator(game.GameId, game.FacilitatorKey);
        Assert.True((await facilitator.AdvancePhase()).Accepted);
        Assert.True((await facilitator.AdvancePhase()).Accepted);

        Orders OrdersFor(Role role) => role switch
        {
            Role.RU => new RussiaOrders(RussiaPosture.Probe, Rearm: true, SanctionsEvasion: false),
            Role.UA => new UkraineOrders(UkrainePosture.Fortify, Mobilise: true),
            _ => new GuarantorOrders { TroopChange = 1000, ArmsAndIntelligence = true },
        };
        foreach (var (role, client) in players)
        {
            var result = await client.SubmitOrders(OrdersFor(role));
            Assert.True(result.Accepted, result.Message);
        }
        var resolved = await facilitator.AdvancePhase();
        Assert.True(resolved.Accepted, resolved.Message);

        foreach (var client in players.Values.Append(facilitator))
        {
            var view = await client.WaitForView(v => v.Version == resolved.Version);
            Assert.Equal(Phase.Debrief, view.Phase);
            var result = Assert.Single(view.Results);
            Assert.Equal(1, result.Turn);
            Assert.NotEmpty(result.Lines);
        }
        // A role sees its own standing orders, and nobody else's: the posture carries over, a one-off mobilisation does not.
        var ukraine = players[Role.UA].LastView!;
        var orders = Assert.Single(ukraine.Orders);
        Assert.Equal(new UkraineOrders(UkrainePosture.Fortify, Mobilise: false), orders.Standing);
    }

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
