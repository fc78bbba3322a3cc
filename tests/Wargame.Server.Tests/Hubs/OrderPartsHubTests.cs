using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Server.Games;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>An order's invalid part is left out over the hub: the rest is stored and the answer names the part and why.</summary>
public sealed class OrderPartsHubTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private Table _table = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.Start();
        _table = await Table.Seat(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SeekingRatificationWithNothingToRatify_LeavesOnlyThatOut_AndTheAnswerSaysWhy()
    {
        await _table.AdvanceTo(Phase.Orders);
        var orders = new GuarantorOrders { TroopChange = 1_000, ArmsAndIntelligence = true, SeekRatification = true };

        var result = await _table.Players[Role.US].SubmitOrders(orders);

        Assert.Equal((true, CommandResult.PartsRefused), (result.Accepted, result.Code));
        Assert.Equal(
            "Accepted without 'Seek ratification': No signed treaty is waiting for ratification by the Senate. Everything else stands; correct the part and send again if you want it.",
            result.Message);
        var us = await _table.Players[Role.US].WaitForView(v => v.Version == result.Version);
        Assert.Equal(orders with { SeekRatification = false }, Assert.Single(us.Orders).Submitted);
        Assert.True((await _table.CurrentView()).Roles.Single(r => r.Role == Role.US).OrdersSubmitted);
    }

    [Fact]
    public async Task OrdersWithoutAnInvalidPart_AreAcceptedWithoutANote()
    {
        await _table.AdvanceTo(Phase.Orders);

        var result = await _table.Players[Role.US].SubmitOrders(new GuarantorOrders { TroopChange = 1_000 });

        Assert.Equal((true, null, null), (result.Accepted, result.Code, result.Message));
    }
}
