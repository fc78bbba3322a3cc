using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Roles;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

public sealed class PassivationTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start(clock: _clock, settings: ["--Wargame:IdleTimeout", "00:01:00"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task IdleGamesArePassivated_ExceptOneWithARunningDeadline_AndTheNextCallReactivatesTransparently()
    {
        var actors = _server.App.Services.GetRequiredService<GameActors>();
        var quiet = await Table.Seat(_server, seed: 1);
        var timed = await Table.Seat(_server, seed: 2);
        await timed.Facilitate("SetDeadline", 3600);
        await quiet.Players[Role.UA].Invoke<CommandResult>("PostMessage", new MessageRequest([], "Before the quiet spell"));
        Assert.Equal(2, actors.LiveCount);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        Assert.Equal(2, actors.LiveCount);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await WaitUntil(() => actors.LiveCount == 1);

        var posted = await quiet.Players[Role.US].Invoke<CommandResult>("PostMessage", new MessageRequest([], "After the quiet spell"));
        Assert.Equal((true, 3), (posted.Accepted, posted.Version));
        var view = await quiet.Players[Role.UA].WaitForView(v => v.Version == 3);
        Assert.Equal(["Before the quiet spell", "After the quiet spell"], view.Messages.Select(m => m.Text));
        Assert.Equal(2, actors.LiveCount);

        // The timed game kept its actor, so its deadline still fires.
        _clock.Advance(TimeSpan.FromHours(1));
        await timed.Observer.WaitForView(v => v.Phase == Domain.Turns.Phase.Negotiation);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (!condition())
            await Task.Delay(20, timeout.Token);
    }
}
