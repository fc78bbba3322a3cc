using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>Orleans' idle collection in place of the old passivation: idle games leave memory, games with a running deadline stay.</summary>
public sealed class PassivationTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start(clock: _clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task IdleGamesAreCollected_ExceptOneWithARunningDeadline_AndTheNextCallReactivatesTransparently()
    {
        var live = _server.App.Services.GetRequiredService<LiveGames>();
        var quiet = await _server.CreateGame(seed: 1);
        var timed = await _server.CreateGame(seed: 2);
        await using (var ukraine = await _server.Connect())
        {
            await ukraine.JoinWithCode(quiet.JoinCodes[Role.UA], "Olena");
            Assert.True((await ukraine.PostMessage(new MessageRequest([], "Before the quiet spell"))).Accepted);
        }
        await using (var facilitator = await _server.Connect())
        {
            await facilitator.JoinAsFacilitator(timed.GameId, timed.FacilitatorKey);
            Assert.True((await facilitator.SetDeadline(3600)).Accepted);
        }
        Assert.Equal(2, live.Count);

        // Neither game has a connection now; only the timed one has a running deadline, whose timer keeps it active.
        var idleFor = TimeSpan.FromSeconds(3);
        await Task.Delay(idleFor + TimeSpan.FromSeconds(1));
        await _server.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(idleFor);
        await WaitUntil(() => live.Count == 1);

        var again = await _server.Connect();
        await again.JoinWithCode(quiet.JoinCodes[Role.US], "Sam");
        var posted = await again.PostMessage(new MessageRequest([], "After the quiet spell"));
        Assert.Equal((true, 3), (posted.Accepted, posted.Version));
        var view = await again.WaitForView(v => v.Version == 3);
        Assert.Equal(["Before the quiet spell", "After the quiet spell"], view.Messages.Select(m => m.Text));
        Assert.Equal(2, live.Count);

        // The timed game stayed active, so its deadline still fires.
        var observer = await _server.Connect();
        await observer.JoinWithCode(timed.ObserverCode, "Observer");
        _clock.Advance(TimeSpan.FromHours(1));
        await observer.WaitForView(v => v.Phase == Phase.Negotiation);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (!condition())
            await Task.Delay(20, timeout.Token);
    }
}
