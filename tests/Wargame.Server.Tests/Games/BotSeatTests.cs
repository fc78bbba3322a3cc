using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Server.Games;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

public sealed class BotSeatTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start(clock: _clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ABotOnAnEmptySeat_PlaysItsRole_AndKeepsPlayingAfterARestart()
    {
        var game = await _server.CreateGame(seed: 77);
        var facilitator = await _server.Connect();
        var seat = await facilitator.JoinAsFacilitator(game.GameId, game.FacilitatorKey);
        Assert.True((await facilitator.AssignBot(Role.RU)).Accepted);
        Assert.Equal("bot-already-seated", (await facilitator.AssignBot(Role.RU)).Code);
        var seats = await facilitator.WaitForSeats(s => s.Any(x => x.Bot));
        Assert.Equal(Audience.Of(Role.RU), Assert.Single(seats, s => s.Bot).Audience);

        await AdvanceTo(facilitator, Phase.Orders);
        var orders = await facilitator.WaitForView(v => v.Roles.Single(r => r.Role == Role.RU).OrdersSubmitted);
        Assert.Equal([Role.RU], orders.Roles.Where(r => r.OrdersSubmitted).Select(r => r.Role));
        Assert.IsType<RussiaOrders>(orders.Orders.Single(o => o.Role == Role.RU).Submitted);

        await _server.Stop();
        await using var restarted = await RunningServer.Start(_server.DataDirectory, _clock);
        var again = await restarted.Connect();
        await again.Resume(seat.SeatToken);
        await AdvanceTo(again, Phase.Debrief);
        await AdvanceTo(again, Phase.Orders);
        var turnTwo = await again.WaitForView(v => v.Turn == 2 && v.Roles.Single(r => r.Role == Role.RU).OrdersSubmitted);
        Assert.Equal(Phase.Orders, turnTwo.Phase);
    }

    [Fact]
    public async Task FourBots_PlayAWholeGame_WithTheFacilitatorOnlyTurningThePages()
    {
        var game = await _server.CreateGame(seed: 78);
        var facilitator = await _server.Connect();
        await facilitator.JoinAsFacilitator(game.GameId, game.FacilitatorKey);
        foreach (var role in RoleSet.All)
            Assert.True((await facilitator.AssignBot(role)).Accepted);

        for (var turn = 1; turn <= 3; turn++)
        {
            await AdvanceTo(facilitator, Phase.Orders);
            await facilitator.WaitForView(v => v.Turn == turn && v.Roles.All(r => r.OrdersSubmitted));
            await AdvanceTo(facilitator, Phase.Debrief);
        }
        var ended = await facilitator.AdvancePhase();
        var last = await facilitator.WaitForView(v => v.Version == ended.Version);
        Assert.True(last.Ended);
        Assert.Equal([1, 2, 3], last.Results.Select(r => r.Turn));
        Assert.NotEmpty(last.Proposals);
    }

    private static async Task AdvanceTo(GameClient facilitator, Phase phase)
    {
        var probe = await facilitator.PostMessage(new Server.Hubs.MessageRequest([], " "));
        var view = await facilitator.WaitForView(v => v.Version == probe.Version);
        while (view.Phase != phase)
        {
            var result = await facilitator.AdvancePhase();
            Assert.True(result.Accepted, result.Message);
            view = await facilitator.WaitForView(v => v.Version >= result.Version);
        }
    }
}
