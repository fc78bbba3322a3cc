using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>The facilitator's clock: deadlines on the server's injected TimeProvider, which these tests move by hand.</summary>
public sealed class FacilitatorTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start(clock: _clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AMissedOrdersDeadline_ClosesThePhase_AndStandingOrdersApplyToWhoeverMissedIt()
    {
        var table = await Table.Seat(_server);
        await table.AdvanceTo(Phase.Orders);
        foreach (var (role, player) in table.Players)
            Assert.True((await player.SubmitOrders(Table.OrdersFor(role))).Accepted);
        await table.Facilitate(f => f.AdvancePhase());
        await table.AdvanceTo(Phase.Orders);
        Assert.Equal(2, table.Facilitator.LastView!.Turn);
        await table.Players[Role.UA].SubmitOrders(new UkraineOrders(UkrainePosture.CounterAttack, Mobilise: false));

        var set = await table.Facilitate(f => f.SetDeadline(60));
        var deadlineView = await table.Facilitator.WaitForView(v => v.Version == set.Version);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(60), deadlineView.Deadline);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(Phase.Orders, (await table.CurrentView()).Phase);

        _clock.Advance(TimeSpan.FromSeconds(2));
        var resolved = await table.Facilitator.WaitForView(v => v is { Turn: 2, Phase: Phase.Debrief });
        Assert.Contains(resolved.Results, r => r.Turn == 2 && !r.Lines.IsEmpty);
        // Turn 2 resolved on Ukraine's new orders and everyone else's standing posture from turn 1.
        var standing = resolved.Orders.ToDictionary(o => o.Role, o => o.Standing);
        Assert.Equal(new UkraineOrders(UkrainePosture.CounterAttack, Mobilise: false), standing[Role.UA]);
        Assert.Equal(RussiaPosture.Probe, Assert.IsType<RussiaOrders>(standing[Role.RU]).Posture);
        Assert.IsType<GuarantorOrders>(standing[Role.US]);
        Assert.IsType<GuarantorOrders>(standing[Role.EU]);
        await table.Players[Role.RU].WaitForView(v => v.Version == resolved.Version);
        Assert.Null(resolved.Deadline);
    }

    [Fact]
    public async Task APause_KeepsTheTimeLeft_AndResumingRunsItAgain()
    {
        var table = await Table.Seat(_server);
        await table.AdvanceTo(Phase.Negotiation);
        await table.Facilitate(f => f.SetDeadline(100));
        _clock.Advance(TimeSpan.FromSeconds(30));

        var paused = await table.Facilitate(f => f.Pause());
        var pausedView = await table.Players[Role.EU].WaitForView(v => v.Version == paused.Version);
        Assert.Equal((true, 70, (DateTimeOffset?)null), (pausedView.Paused, pausedView.PausedRemainingSeconds, pausedView.Deadline));
        var refused = await table.Players[Role.EU].PostMessage(new MessageRequest([], "Anyone?"));
        Assert.Equal("game-paused", refused.Code);
        _clock.Advance(TimeSpan.FromSeconds(1000));
        Assert.Equal(Phase.Negotiation, (await table.CurrentView()).Phase);
        Assert.Equal("game-paused", (await table.Facilitator.ExtendDeadline(30)).Code);

        var resumed = await table.Facilitate(f => f.ResumePlay());
        var resumedView = await table.Facilitator.WaitForView(v => v.Version == resumed.Version);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(70), resumedView.Deadline);
        _clock.Advance(TimeSpan.FromSeconds(69));
        Assert.Equal(Phase.Negotiation, (await table.CurrentView()).Phase);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await table.Observer.WaitForView(v => v.Phase == Phase.Orders);
    }

    [Fact]
    public async Task ExtendingMovesTheDeadline_ClearingStopsIt_AndNonsenseIsRefused()
    {
        var table = await Table.Seat(_server);
        Assert.Equal("no-deadline", (await table.Facilitator.ExtendDeadline(30)).Code);
        Assert.Equal("bad-deadline", (await table.Facilitator.SetDeadline(-5)).Code);
        Assert.Equal("bad-deadline", (await table.Facilitator.ExtendDeadline(0)).Code);

        var start = _clock.GetUtcNow();
        await table.Facilitate(f => f.SetDeadline(60));
        var extended = await table.Facilitate(f => f.ExtendDeadline(120));
        Assert.Equal(start.AddSeconds(180), (await table.Facilitator.WaitForView(v => v.Version == extended.Version)).Deadline);
        _clock.Advance(TimeSpan.FromSeconds(170));
        Assert.Equal(Phase.Briefing, (await table.CurrentView()).Phase);

        await table.Facilitate(f => f.SetDeadline(null));
        _clock.Advance(TimeSpan.FromHours(2));
        var view = await table.CurrentView();
        Assert.Equal((Phase.Briefing, (DateTimeOffset?)null), (view.Phase, view.Deadline));
    }

    [Fact]
    public async Task ARunningDeadline_SurvivesARestartOfTheServer()
    {
        var table = await Table.Seat(_server);
        await table.Facilitate(f => f.SetDeadline(60));
        var token = table.Seats[Role.US].SeatToken;
        await _server.Stop();

        await using var restarted = await RunningServer.Start(_server.DataDirectory, _clock);
        var us = await restarted.Connect();
        await us.Resume(token);
        _clock.Advance(TimeSpan.FromSeconds(61));
        var view = await us.WaitForView(v => v.Phase == Phase.Negotiation);
        Assert.Equal(1, view.Turn);
    }

    [Fact]
    public async Task RecordsAreRevealedOnlyAfterTheEnd_ThenEveryAudienceSeesEveryBriefing()
    {
        var table = await Table.Seat(_server);
        Assert.Equal("game-not-ended", (await table.Facilitator.RevealAll()).Code);
        await table.Facilitate(f => f.EndGame());
        Assert.Equal("game-ended", (await table.Players[Role.RU].PostMessage(new MessageRequest([], "Wait"))).Code);
        var revealed = await table.Facilitate(f => f.RevealAll());

        foreach (var client in table.Players.Values.Append(table.Observer))
        {
            var view = await client.WaitForView(v => v.Version == revealed.Version);
            Assert.True(view.Revealed);
            Assert.Equal(RoleSet.All, view.PrivateRecords.Select(r => r.Role));
        }
    }

    [Fact]
    public async Task InjectsAndAdjustments_AreLoggedAndShown_AndAnAdjustmentNeedsAReason()
    {
        var table = await Table.Seat(_server);
        var fired = await table.Facilitate(f => f.InjectEvent(new InjectRequest("grid-strike", null, null, [])));
        var free = await table.Facilitate(f => f.InjectEvent(new InjectRequest(null, "Election called", "Snap elections in Washington.", [new InjectEffect("US.domesticSupport", -0.1)])));
        var view = await table.Facilitator.WaitForView(v => v.Version == free.Version);
        Assert.Equal(["Strike on the grid", "Election called"], view.Injects.Select(i => i.Title));
        Assert.True(free.Version > fired.Version);
        var unknown = await table.Facilitator.InjectEvent(new InjectRequest("no-such-card", null, null, []));
        Assert.False(unknown.Accepted);

        // A ceasefire in force gives the resolution rolls the facilitator may adjust.
        await table.AdvanceTo(Phase.Negotiation);
        var proposed = await table.Players[Role.UA].Propose(new CeasefireTerms { DmzWidthKm = 10, Monitoring = Monitoring.UnarmedMonitors, MonitorsFrom = ["OSCE"] });
        var proposal = (await table.Players[Role.UA].WaitForView(v => v.Version == proposed.Version)).Proposals.Single().Id;
        Assert.True((await table.Players[Role.RU].RespondToProposal(proposal, ProposalResponse.Accept)).Accepted);
        await table.AdvanceTo(Phase.Orders);
        foreach (var (role, player) in table.Players)
            await player.SubmitOrders(Table.OrdersFor(role));
        var resolved = await table.Facilitate(f => f.AdvancePhase());
        var record = (await table.Facilitator.WaitForView(v => v.Version == resolved.Version)).Records.First(r => r.Adjustable);

        var withoutReason = await table.Facilitator.AdjustAdjudication(new AdjustRequest(record.Id, 0.3, " "));
        Assert.Equal("reason-required", withoutReason.Code);
        var tooFar = await table.Facilitator.AdjustAdjudication(new AdjustRequest(record.Id, 2.0, "Far too much"));
        Assert.Equal("adjustment-out-of-range", tooFar.Code);
        // The observer did not see the proposal, so its versions are its own: the adjustment moves it by one.
        var resolvedForPublic = await table.Observer.WaitForView(v => v.Records.Any(r => r.Id == record.Id));
        var adjusted = await table.Facilitate(f => f.AdjustAdjudication(new AdjustRequest(record.Id, 0.3, "Local knowledge of the front")));
        Assert.Equal(resolved.Version + 1, adjusted.Version);
        var after = await table.Observer.WaitForView(v => v.Version > resolvedForPublic.Version);
        Assert.Equal(resolvedForPublic.Version + 1, after.Version);
    }
}
