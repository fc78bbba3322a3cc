using System.Reflection;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>Every hub method, called by every kind of caller that may not call it, is refused and changes nothing.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private enum Allowed { Seated, Players, Facilitator }

    private RunningServer _server = null!;
    private Table _table = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.Start();
        _table = await Table.Seat(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Each playing and facilitating method with well-formed arguments, and who may call it.</summary>
    private (string Method, object?[] Args, Allowed Allowed)[] Calls() =>
    [
        ("PostMessage", [new MessageRequest([], "Hello")], Allowed.Seated),
        ("Propose", [new CeasefireTerms { Monitoring = Monitoring.UnarmedMonitors }], Allowed.Players),
        ("RespondToProposal", [1, ProposalResponse.Accept], Allowed.Players),
        ("CounterProposal", [1, new CeasefireTerms()], Allowed.Players),
        ("RevokeAgreement", [1, "We withdraw"], Allowed.Players),
        ("SubmitOrders", [Table.OrdersFor(Role.RU)], Allowed.Players),
        ("PreviewGuarantee", [new GuaranteeTerms { Guarantors = [Role.US] }], Allowed.Players),
        ("AdvancePhase", [], Allowed.Facilitator),
        ("SetDeadline", [60], Allowed.Facilitator),
        ("SetDeadlinePresets", [new DeadlinePresets(Negotiation: 900, Orders: 300)], Allowed.Facilitator),
        ("ExtendDeadline", [60], Allowed.Facilitator),
        ("Pause", [], Allowed.Facilitator),
        ("ResumePlay", [], Allowed.Facilitator),
        ("InjectEvent", [new InjectRequest("grid-strike", null, null, [])], Allowed.Facilitator),
        ("AdjustAdjudication", [new AdjustRequest("r1", 0.2, "Local knowledge")], Allowed.Facilitator),
        ("AssignBot", [Role.RU], Allowed.Facilitator),
        ("ReleaseSeat", [_table.Seats[Role.UA].SeatId], Allowed.Facilitator),
        ("EndGame", [], Allowed.Facilitator),
        ("RevealAll", [], Allowed.Facilitator),
        ("AddNote", [1, "Ask the US team why it withdrew."], Allowed.Facilitator),
    ];

    [Fact]
    public void TheTableCoversEveryHubMethodBesidesJoining()
    {
        // Resync resends any seat its own view (observers too); HubDeltaTests covers it. OlderMessages pages any seat
        // through the channels it may read; MessagePagingTests covers it.
        string[] joining = ["JoinWithCode", "JoinAsFacilitator", "Resume", "Resync", "OlderMessages"];
        var hubMethods = typeof(GameHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(GameHub.OnDisconnectedAsync))
            .Select(m => m.Name)
            .Except(joining)
            .Order(StringComparer.Ordinal);
        Assert.Equal(hubMethods, Calls().Select(c => c.Method).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AConnectionWithoutASeat_IsRefusedEverything()
    {
        var stranger = await _server.Connect();
        foreach (var (method, args, _) in Calls())
            Assert.Equal((method, "not-seated"), (method, (await stranger.Invoke<CommandResult>(method, args)).Code));
        await AssertGameUnchanged();
    }

    [Fact]
    public async Task AnObserver_CanOnlyWatch()
    {
        foreach (var (method, args, allowed) in Calls())
        {
            var expected = allowed switch
            {
                Allowed.Seated => "observer",
                Allowed.Players => "players-only",
                _ => "facilitator-only",
            };
            Assert.Equal((method, expected), (method, (await _table.Observer.Invoke<CommandResult>(method, args)).Code));
        }
        await AssertGameUnchanged();
    }

    [Fact]
    public async Task EveryPlayer_IsRefusedEveryFacilitatorOperation()
    {
        foreach (var (role, player) in _table.Players)
        {
            foreach (var (method, args, _) in Calls().Where(c => c.Allowed == Allowed.Facilitator))
                Assert.Equal((role, method, "facilitator-only"), (role, method, (await player.Invoke<CommandResult>(method, args)).Code));
        }
        await AssertGameUnchanged();
    }

    [Fact]
    public async Task TheFacilitator_CannotActForARole()
    {
        foreach (var (method, args, _) in Calls().Where(c => c.Allowed == Allowed.Players))
            Assert.Equal((method, "players-only"), (method, (await _table.Facilitator.Invoke<CommandResult>(method, args)).Code));
        await AssertGameUnchanged();
    }

    [Fact]
    public async Task APlayer_CannotGiveAnotherRolesOrders()
    {
        await _table.AdvanceTo(Phase.Orders);
        foreach (var (role, player) in _table.Players)
        {
            foreach (var other in RoleSet.All.Where(r => Table.OrdersFor(r).GetType() != Table.OrdersFor(role).GetType()))
                Assert.Equal("wrong-orders-kind", (await player.SubmitOrders(Table.OrdersFor(other))).Code);
        }
        var view = await _table.CurrentView();
        Assert.All(view.Orders, o => Assert.Null(o.Submitted));
    }

    private async Task AssertGameUnchanged()
    {
        var view = await _table.CurrentView();
        Assert.Equal(1, view.Version);
        Assert.Empty(view.Messages);
        var seats = await _table.Facilitator.WaitForSeats(s => s.Count == 6);
        Assert.Contains(seats, s => s.SeatId == _table.Seats[Role.UA].SeatId);
    }
}
