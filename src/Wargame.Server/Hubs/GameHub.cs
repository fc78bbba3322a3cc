using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Options;
using Wargame.Server.Seats;
using Wargame.Server.Storage;

namespace Wargame.Server.Hubs;

/// <summary>
/// The game hub at /hubs/game (docs/hub-protocol.md). Each method authenticates the caller's seat, maps the wire
/// record to a domain command with the Actor taken from that seat (never from the wire), calls the game, returns.
/// </summary>
internal sealed class GameHub(
    Seating seating,
    SeatRateLimits limits,
    IGrainFactory grains,
    GameLinks links,
    TimeProvider time,
    IOptions<WargameOptions> options,
    ILogger<GameHub> logger) : Hub<IGameClient>
{
    public const string SeatKey = "seat";

    // Joining

    public Task<JoinResult> JoinWithCode(string code, string displayName) =>
        Seat(() => seating.JoinWithCode(code, displayName, ClientAddress));

    public Task<JoinResult> JoinAsFacilitator(string gameId, string facilitatorKey) =>
        Seat(() => seating.JoinAsFacilitator(gameId, facilitatorKey, ClientAddress));

    public Task<JoinResult> Resume(string seatToken) =>
        Seat(() => seating.Resume(seatToken, ClientAddress));

    /// <summary>
    /// Sends the caller its audience's whole view again, in order with the pushes, when it missed a delta (a version
    /// gap). The result's version is that of the view on its way.
    /// </summary>
    public Task<CommandResult> Resync() => CallerSeat switch
    {
        null => NotSeated(),
        { SeatId: var id } when links.IsReleased(id) => SeatReleased(),
        { } seat => CallLimit(seat, "resyncs") ?? Task.FromResult(CommandResult.Ok(links.Resync(Context.ConnectionId, seat))),
    };

    /// <summary>
    /// A channel's messages older than those the view shows (any seat, for a channel it may read): the roles in the
    /// channel (none for the public one) and the id, in the caller's view, of the oldest message it holds. A channel
    /// the caller may not read is refused exactly like one that does not exist.
    /// </summary>
    public async Task<MessagePage> OlderMessages(ImmutableArray<Role> members, int beforeId)
    {
        var refusal = CallerSeat switch
        {
            null => NotSeated(),
            { SeatId: var id } when links.IsReleased(id) => SeatReleased(),
            { } seated => CallLimit(seated, "pages"),
        };
        if (refusal is not null)
        {
            var refused = await refusal;
            throw new HubException($"{refused.Code}: {refused.Message}");
        }
        var result = await Game.OlderMessages(CallerSeat!.Audience, members, beforeId);
        return result.Page ?? throw new HubException($"{result.Code}: {result.Message}");
    }

    // Playing

    public Task<CommandResult> PostMessage(MessageRequest message) => Act<PostMessage>(actor =>
        Required(message, nameof(message)) ?? MessageLimit() ?? Execute(new PostMessage(actor, message.To.IsDefault ? [] : message.To, message.Text ?? "")));

    public Task<CommandResult> Propose(AgreementTerms terms) => Act<Propose>(actor =>
        Required(terms, nameof(terms)) ?? Execute(new Propose(actor, terms)));

    public Task<CommandResult> RespondToProposal(int proposalId, ProposalResponse response) => Act<RespondToProposal>(actor =>
        Execute(new RespondToProposal(actor, proposalId, response)));

    public Task<CommandResult> CounterProposal(int proposalId, AgreementTerms terms) => Act<CounterProposal>(actor =>
        Required(terms, nameof(terms)) ?? Execute(new CounterProposal(actor, proposalId, terms)));

    public Task<CommandResult> RevokeAgreement(int agreementId, string reason) => Act<RevokeAgreement>(actor =>
        Execute(new RevokeAgreement(actor, agreementId, reason ?? "")));

    public Task<CommandResult> SubmitOrders(Orders orders) => Act<SubmitOrders>(actor =>
        Required(orders, nameof(orders)) ?? Execute(new SubmitOrders(actor, orders)));

    /// <summary>
    /// The guarantee builder's preview: what draft terms would give if signed now, computed by the domain from public
    /// state only (a query: nothing is stored or pushed). A player's seat, limited like its commands.
    /// </summary>
    public async Task<GuaranteePreviewResult> PreviewGuarantee(AgreementTerms terms)
    {
        CommandResult? refusal = CallerSeat switch
        {
            null => await NotSeated(),
            { SeatId: var id } when links.IsReleased(id) => await SeatReleased(),
            { Audience.Kind: AudienceKind.Role } seat when CallLimit(seat, "previews") is { } limited => await limited,
            { Audience.Kind: AudienceKind.Role } => terms is null ? await Refuse("missing-argument", $"The argument '{nameof(terms)}' is required.") : null,
            _ => await Refuse("players-only", "Only a role's players can preview the guarantees they draft."),
        };
        return refusal is not null
            ? GuaranteePreviewResult.Refused(refusal.Code!, refusal.Message!)
            : GuaranteePreviewResult.Of(await Game.PreviewGuarantee(CallerSeat!.Audience.Role!.Value, terms!));
    }

    // Facilitating

    public Task<CommandResult> AdvancePhase() => Act<AdvancePhase>(actor => Execute(new AdvancePhase(actor)));

    public Task<CommandResult> SetDeadline(int? seconds) => Act<SetDeadline>(actor => Execute(new SetDeadline(actor, seconds)));

    /// <summary>The session plan: each phase's deadline in seconds (null: none), started whenever that phase opens.</summary>
    public Task<CommandResult> SetDeadlinePresets(DeadlinePresets presets) => Act<SetDeadlinePresets>(actor =>
        Required(presets, nameof(presets)) ?? Execute(new SetDeadlinePresets(actor, presets)));

    public Task<CommandResult> ExtendDeadline(int seconds) => Act<ExtendDeadline>(actor => Execute(new ExtendDeadline(actor, seconds)));

    public Task<CommandResult> Pause() => Act<PauseGame>(actor => Execute(new PauseGame(actor)));

    public Task<CommandResult> ResumePlay() => Act<ResumeGame>(actor => Execute(new ResumeGame(actor)));

    public Task<CommandResult> InjectEvent(InjectRequest inject) => Act<InjectEvent>(actor =>
        Required(inject, nameof(inject)) ?? Execute(new InjectEvent(actor, inject.CardId, inject.Title, inject.Text, inject.Effects.IsDefault ? [] : inject.Effects)));

    public Task<CommandResult> AdjustAdjudication(AdjustRequest adjustment) => Act<AdjustAdjudication>(actor =>
        Required(adjustment, nameof(adjustment)) ?? Execute(new AdjustAdjudication(actor, adjustment.RecordId ?? "", adjustment.Logit, adjustment.Reason ?? "")));

    public Task<CommandResult> AssignBot(Role role) => AsFacilitator(_ => seating.AssignBot(CallerSeat!.GameId, role));

    public Task<CommandResult> ReleaseSeat(string seatId) => AsFacilitator(async _ =>
    {
        var result = await seating.Release(CallerSeat!.GameId, seatId);
        // The game tells every node; this one stops the seat's connections before answering, so they cannot act after.
        if (result.Accepted)
            await links.Released(CallerSeat.GameId, seatId);
        return result;
    });

    public Task<CommandResult> EndGame() => Act<EndGame>(actor => Execute(new EndGame(actor)));

    public Task<CommandResult> RevealAll() => Act<RevealAll>(actor => Execute(new RevealAll(actor)));

    public Task<CommandResult> AddNote(int turn, string text) => Act<AddNote>(actor => Execute(new AddNote(actor, turn, text ?? "")));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (CallerSeat is { } seat)
            await links.Leave(Context.ConnectionId, seat);
        await base.OnDisconnectedAsync(exception);
    }

    private SeatRecord? CallerSeat => Context.Items.TryGetValue(SeatKey, out var seat) ? seat as SeatRecord : null;

    private IGameGrain Game => grains.GetGrain<IGameGrain>(CallerSeat!.GameId);

    /// <summary>
    /// Sends a command to the caller's game. The game refuses it with "busy" if it cannot start within the start
    /// window, well inside the response timeout; what still fails (the node holding the game died, or never answered)
    /// may have been applied, so the caller is told the outcome is unknown, never that it failed.
    /// </summary>
    private async Task<CommandResult> Execute(GameCommand command)
    {
        try
        {
            return await Game.Execute(command, time.GetUtcNow() + options.Value.CommandStartWithin);
        }
        catch (Exception e) when (e is TimeoutException or OrleansMessageRejectionException)
        {
            logger.LogWarning(e, "{Command} got no answer from its game; its outcome is unknown", command.GetType().Name);
            throw new HubException($"{OutcomeUnknown}: The server lost touch with your game while it took this; it may have been applied. Your view shows it if so: check it before you send it again.");
        }
    }

    public const string OutcomeUnknown = "outcome-unknown";

    private string ClientAddress => Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private async Task<JoinResult> Seat(Func<Task<SeatGrant>> join)
    {
        if (CallerSeat is not null)
        {
            var seated = await Turned("already-seated", "This connection already holds a seat; open a new connection for another one.");
            throw new HubException($"{seated.Code}: {seated.Message}");
        }
        SeatGrant grant;
        try
        {
            grant = await join();
        }
        catch (JoinRefusedException e)
        {
            var refused = await Turned(e.Code, e.Message);
            throw new HubException($"{refused.Code}: {refused.Message}");
        }
        var seat = grant.Seat;
        Context.Items[SeatKey] = seat;
        await links.Join(Context.ConnectionId, seat);
        return new JoinResult(seat.GameId, seat.SeatId, grant.Token, seat.Audience, seat.DisplayName);
    }

    /// <summary>
    /// A game command from the caller's seat. Which commands a player or the facilitator may issue is the domain's
    /// phase table's to say (the game refuses the others); an observer issues none, and is told what the table says.
    /// </summary>
    private Task<CommandResult> Act<T>(Func<Actor, Task<CommandResult>> call) where T : GameCommand => CallerSeat switch
    {
        null => NotSeated(),
        { SeatId: var id } when links.IsReleased(id) => SeatReleased(),
        { } seat when CallLimit(seat, "commands") is { } limited => limited,
        { Audience.Kind: AudienceKind.Role, Audience.Role: { } role } => call(Actor.Player(role)),
        { Audience.Kind: AudienceKind.Facilitator } => call(Actor.Facilitator),
        _ => Refuse(PhaseTable.ObserverRefusal<T>()),
    };

    /// <summary>Seat management, which is the hub's and not a rule of the game: the facilitator's seat only.</summary>
    private Task<CommandResult> AsFacilitator(Func<Actor, Task<CommandResult>> call) => CallerSeat switch
    {
        null => NotSeated(),
        { SeatId: var id } when links.IsReleased(id) => SeatReleased(),
        { Audience.Kind: AudienceKind.Facilitator } seat => CallLimit(seat, "commands") ?? call(Actor.Facilitator),
        _ => Refuse("facilitator-only", "Only the facilitator can do that."),
    };

    /// <summary>
    /// A seat over its own call rate, or its audience's in the game, is refused before the game is asked, so a flood
    /// costs the game nothing; the refusal is logged once a minute per seat, not once a call.
    /// </summary>
    private Task<CommandResult>? CallLimit(SeatRecord seat, string what) => limits.TryCall(seat) ? null : RateLimited(seat, what);

    private Task<CommandResult>? MessageLimit() => limits.TryMessage(CallerSeat!) ? null : RateLimited(CallerSeat!, "messages");

    private Task<CommandResult> RateLimited(SeatRecord seat, string what)
    {
        if (limits.ShouldLogRefusal(seat.SeatId, out var refused))
            logger.LogInformation("Seat {SeatId} of game {GameId} refused: rate-limited ({What}); {Refused} call(s) refused since this seat's previous such line",
                seat.SeatId, seat.GameId, what, refused);
        return Turned("rate-limited", $"Your seat is sending {what} too fast; wait a few seconds and try again.");
    }

    private Task<CommandResult> NotSeated() => Turned("not-seated", "Join a game first.");

    private Task<CommandResult> SeatReleased() => Turned("seat-released", "The facilitator released your seat; join again with a code.");

    public const string ConnectionClosed = "connection-closed";

    /// <summary>
    /// A call refused before the game is asked (a limit, no seat, a released seat, a refused join). Past
    /// RefusedCallsPerConnectionPerMinute of them the call is answered <see cref="ConnectionClosed"/> instead, logged
    /// once, and the connection is closed: at its next call, or a second later, once the answer is on its way.
    /// </summary>
    private Task<CommandResult> Turned(string code, string message)
    {
        var limit = options.Value.RefusedCallsPerConnectionPerMinute;
        if (!ConnectionRefusals.CountCrossesLimit(Context.Items, limit, time.GetUtcNow()))
            return Refuse(code, message);
        logger.LogInformation("Connection {ConnectionId} of seat {SeatId} in game {GameId} closed: more than {Limit} refused calls in a minute",
            Context.ConnectionId, CallerSeat?.SeatId, CallerSeat?.GameId, limit);
        Context.Items[ConnectionRefusals.ClosingKey] = true;
        var connection = Context;
        _ = Task.Delay(TimeSpan.FromSeconds(1), time).ContinueWith(_ => connection.Abort(), TaskScheduler.Default);
        return Refuse(ConnectionClosed, $"This connection made more than {limit} refused calls in a minute, so the server closes it; connect again and call less often.");
    }

    private static Task<CommandResult>? Required(object? argument, string name) =>
        argument is null ? Refuse("missing-argument", $"The argument '{name}' is required.") : null;

    private static Task<CommandResult> Refuse(string code, string message) => Task.FromResult(CommandResult.Refused(code, message));

    private static Task<CommandResult> Refuse(Rejection rejection) => Refuse(rejection.Code, rejection.Message);
}
