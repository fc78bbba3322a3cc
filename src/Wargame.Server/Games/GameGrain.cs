using System.Collections.Immutable;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Orleans.Placement;
using Wargame.Server.Storage;

namespace Wargame.Server.Games;

/// <summary>
/// The Orleans grain that runs one game: it loads the game's log from the store on activation, then for each command
/// decides in the domain, appends with the expected version, evolves and pushes each audience that saw a change what
/// changed in its view (a <see cref="ViewDelta"/>) to the nodes that subscribed. Orleans guarantees one call at a time and, normally, one activation in the cluster; the
/// store's (game, sequence) key is what keeps one history when a frozen node briefly holds a second one.
/// </summary>
[PreferLocalPlacement]
internal sealed class GameGrain(IGameStore store, GameClock clock, TimeProvider time, LiveGames live, CommandMetrics metrics, ILogger<GameGrain> logger)
    : Grain, IGameGrain
{
    private const int MaxAppendAttempts = 3;

    // Deadlines are wall-clock times on the game clock; a one-second check follows that clock (and a laptop that slept).
    private static readonly TimeSpan DeadlineCheck = TimeSpan.FromSeconds(1);

    private readonly Dictionary<IGameObserver, Subscription> _subscribers = [];
    // The last view each subscribed audience was sent (in full or as a delta): the base of its next delta.
    private readonly Dictionary<Audience, GameView> _published = [];
    // What the views of the current state share; the next state's basis takes over what did not change.
    private ViewBasis? _basis;
    private GameState? _state;
    private ImmutableArray<SeatRecord> _seats = [];
    private ImmutableArray<SeatView> _seatList = [];
    private IGrainTimer? _deadlineTimer;
    private DateTimeOffset? _storedDeadline;
    private bool _botsPlaying;

    private string GameId => this.GetPrimaryKeyString();

    private GameState State => _state ?? throw new GameNotFoundException(GameId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var events = await store.LoadEvents(GameId, cancellationToken);
        if (events.Count == 0)
        {
            // Every call throws GameNotFoundException; nothing worth keeping in memory.
            DeactivateOnIdle();
            return;
        }
        _state = Rules.Replay(events);
        _seats = [.. await store.Seats(GameId, cancellationToken)];
        _seatList = SeatList();
        // The stored pending deadline follows the log, so it equals the state's until this activation changes it.
        _storedDeadline = _state.Deadline;
        await WatchDeadline(_state);
        live.Activated();
        logger.LogDebug("Game {GameId} activated at version {Version}", GameId, _state.Version);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_state is not null)
            live.Deactivated();
        foreach (var observer in _subscribers.Keys)
            _ = observer.Deactivated();
        logger.LogDebug("Game {GameId} deactivating ({Reason}); told {Nodes} subscribed nodes", GameId, reason.ReasonCode, _subscribers.Count);
        return Task.CompletedTask;
    }

    public Task<CommandResult> Execute(GameCommand command, DateTimeOffset startBy)
    {
        if (time.GetUtcNow() <= startBy)
            return Handle(command);
        logger.LogWarning("{Command} for game {GameId} refused: it waited past its start-by time {StartBy:O}", command.GetType().Name, GameId, startBy);
        return Task.FromResult(CommandResult.Refused(Busy, "The game was too busy to take your command in time; nothing was changed. Send it again.", VersionFor(State, command.Actor)));
    }

    /// <summary>The refusal of a command that waited too long to start (see <see cref="IGameGrain.Execute"/>).</summary>
    public const string Busy = "busy";

    public Task<GameView> View(Audience audience) => Task.FromResult(GameViews.For(Basis(State), audience));

    public Task<MessagePageResult> OlderMessages(Audience audience, ImmutableArray<Role> members, int beforeId)
    {
        var (page, refusal) = MessagePages.Older(State, audience, members, beforeId);
        return Task.FromResult(refusal is null ? MessagePageResult.Of(page!) : MessagePageResult.Refused(refusal.Code, refusal.Message));
    }

    public Task<GuaranteePreviewAnswer> PreviewGuarantee(Role role, AgreementTerms terms) => Task.FromResult(GuaranteePreviews.For(State, role, terms));

    public Task<ImmutableArray<SeatView>> Seats()
    {
        _ = State;
        return Task.FromResult(SeatList());
    }

    public Task<string> StateHash() => Task.FromResult(State.Hash());

    public async Task Subscribe(IGameObserver observer, NodeInterest interest)
    {
        var state = State;
        // A seat joined since the seats were read: read them again, so the list shows it.
        if (interest.ConnectedSeats.Any(id => !_seats.Any(s => s.SeatId == id)))
            _seats = [.. await store.Seats(GameId, CancellationToken.None)];
        var before = _subscribers.TryGetValue(observer, out var old) ? old.Interest.Audiences : [];
        _subscribers[observer] = new Subscription(interest, time.GetUtcNow() + NodeInterest.Lease);
        foreach (var audience in interest.Audiences.Except(before))
        {
            // Every subscribed audience's published view is current (PublishViews keeps it so), so another node's can be reused.
            if (!_published.TryGetValue(audience, out var view) || view.Version != AudienceVersions.Of(state, audience))
                _published[audience] = view = GameViews.For(Basis(state), audience);
            _ = observer.View(view);
        }
        if (old is null)
            _ = observer.Seats(_seatList);
        PublishSeats();
    }

    public Task Unsubscribe(IGameObserver observer)
    {
        if (_subscribers.Remove(observer))
        {
            ForgetViewsIfUnwatched();
            PublishSeats();
        }
        return Task.CompletedTask;
    }

    public async Task SeatsChanged()
    {
        _ = State;
        _seats = [.. await store.Seats(GameId, CancellationToken.None)];
        PublishSeats();
        await PlayBots();
    }

    public async Task SeatReleased(string seatId)
    {
        _ = State;
        _seats = [.. await store.Seats(GameId, CancellationToken.None)];
        foreach (var (observer, subscription) in _subscribers.ToList())
        {
            _subscribers[observer] = subscription with { Interest = subscription.Interest with { ConnectedSeats = subscription.Interest.ConnectedSeats.Remove(seatId) } };
            _ = observer.SeatReleased(seatId);
        }
        PublishSeats();
    }

    public Task WatchDeadline() => Task.FromResult(State);

    /// <summary>
    /// Decide and evolve (Rules.Apply, with the game clock's time stamped on commands that need it), append, publish.
    /// On a conflict the log is reloaded (the subscribers are shown what the other writer did) and the command decided
    /// again on the reloaded state.
    /// </summary>
    private async Task<CommandResult> Handle(GameCommand command)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["GameId"] = GameId, ["Role"] = command.Actor.ToString() });
        var kind = command.GetType().Name;
        var started = CommandMetrics.Now();
        var state = State;
        for (var attempt = 1; ; attempt++)
        {
            var deciding = CommandMetrics.Now();
            var applied = Rules.Apply(state, command is ClockedCommand clocked ? clocked with { Now = clock.Time.GetUtcNow() } : command);
            metrics.Record(CommandMetrics.Stages.Decide, kind, deciding);
            if (applied.Rejection is { } rejection)
            {
                logger.LogInformation("{Command} refused: {Code}", command.GetType().Name, rejection.Code);
                return CommandResult.Refused(rejection.Code, rejection.Message, VersionFor(state, command.Actor));
            }
            var appending = CommandMetrics.Now();
            try
            {
                await store.AppendEvents(GameId, state.Version, applied.Events, CancellationToken.None);
                metrics.Record(CommandMetrics.Stages.Append, kind, appending, sameThread: false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAppendAttempts)
            {
                // Another activation (a frozen node that woke up, or one that has not yet learned it is dead) appended
                // first: rebuild from the log and decide again.
                logger.LogWarning("{Command} conflicted at version {Version}; reloading", command.GetType().Name, state.Version);
                state = await Reload();
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                state = await Reload();
                return CommandResult.Refused("conflict", "The game changed while your command was being applied; please try again.", VersionFor(state, command.Actor));
            }

            state = applied.State;
            _state = state;
            // Debug: the event store holds every accepted command, and a line for each cost ~5% of a busy node's CPU.
            logger.LogDebug("{Command} accepted; version {Version}", command.GetType().Name, state.Version);
            var result = Decision.Describe(applied.RefusedParts) is { } without
                ? CommandResult.PartlyAccepted(without, VersionFor(state, command.Actor))
                : CommandResult.Ok(VersionFor(state, command.Actor));
            await AfterAccepted(state, kind);
            metrics.Record(CommandMetrics.Stages.Total, kind, started, sameThread: false);
            return result;
        }
    }

    /// <summary>
    /// What follows a stored command: pushes, the deadline watch and the bots. The command is in the log whatever happens
    /// here, so a failure is logged and the caller still hears "accepted" (an acknowledgement never lies); the next
    /// command, the subscription renewal or the deadline scan retries what did not happen.
    /// </summary>
    private async Task AfterAccepted(GameState state, string kind)
    {
        try
        {
            PublishViews(state, kind);
            await WatchDeadline(state);
            await PlayBots();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "After storing version {Version} of game {GameId}, pushing or watching its deadline failed; the command stands", state.Version, GameId);
        }
    }

    private async Task<GameState> Reload()
    {
        _state = Rules.Replay(await store.LoadEvents(GameId, CancellationToken.None));
        PublishViews(_state, "reload");
        await WatchDeadline(_state);
        return _state;
    }

    /// <summary>
    /// The version of the caller's own view, never the log's: a log version would count events the caller may not
    /// see. The facilitator (and the system) see every event, so theirs is the log's.
    /// </summary>
    private static int VersionFor(GameState state, Actor actor) =>
        AudienceVersions.Of(state, actor is { Kind: ActorKind.Player, Role: { } role } ? Audience.Of(role) : Audience.Facilitator);

    /// <summary>
    /// Sends each subscribed audience what changed in its view, but only when its version moved: the domain's
    /// per-audience versions move exactly when something that audience may see changes, so a private message or secret
    /// orders build nothing and send nothing to the audiences that cannot see them, and their connections learn nothing
    /// from the timing of pushes. Each delta is built once and sent to every node holding the audience; audiences no
    /// node subscribes to are not computed (they get their full view when one does).
    /// </summary>
    private void PublishViews(GameState state, string kind)
    {
        DropLapsedSubscriptions();
        if (_subscribers.Count == 0)
            return;
        CommandMetrics.Span views = default, deltas = default, publish = default;
        var building = CommandMetrics.Now();
        var basis = Basis(state);
        views.Add(building);
        // Each node gets this change's deltas for all its audiences in one message: a grain message costs more than a delta.
        Dictionary<IGameObserver, ImmutableArray<ViewDelta>.Builder>? updates = null;
        foreach (var audience in Audience.All)
        {
            if (!_subscribers.Values.Any(s => s.Interest.Audiences.Contains(audience)))
            {
                _published.Remove(audience);
                continue;
            }
            if (_published.TryGetValue(audience, out var last) && last.Version == AudienceVersions.Of(state, audience))
                continue;
            building = CommandMetrics.Now();
            var view = GameViews.For(basis, audience);
            views.Add(building);
            _published[audience] = view;
            var comparing = CommandMetrics.Now();
            var delta = last is null ? null : ViewDelta.Between(last, view);
            deltas.Add(comparing);
            var sending = CommandMetrics.Now();
            foreach (var (observer, subscription) in _subscribers)
            {
                if (!subscription.Interest.Audiences.Contains(audience))
                    continue;
                if (delta is null)
                {
                    _ = observer.View(view);
                    continue;
                }
                updates ??= [];
                if (!updates.TryGetValue(observer, out var batch))
                    updates[observer] = batch = ImmutableArray.CreateBuilder<ViewDelta>(Audience.All.Count);
                batch.Add(delta);
            }
            publish.Add(sending);
        }
        if (updates is not null)
        {
            var sending = CommandMetrics.Now();
            foreach (var (observer, batch) in updates)
                _ = observer.Update(batch.DrainToImmutable());
            publish.Add(sending);
        }
        metrics.Record(CommandMetrics.Stages.Views, kind, views);
        metrics.Record(CommandMetrics.Stages.Deltas, kind, deltas);
        metrics.Record(CommandMetrics.Stages.Publish, kind, publish);
    }

    /// <summary>
    /// The basis of <paramref name="state"/>'s views, built from the last one (so unchanged sections stay the same objects).
    /// It is kept only while a node subscribes: a game read over REST or woken by the deadline scan holds just its state.
    /// </summary>
    private ViewBasis Basis(GameState state)
    {
        var basis = ViewBasis.Of(state, _basis);
        _basis = _subscribers.Count > 0 ? basis : null;
        return basis;
    }

    /// <summary>Once no node subscribes, the views kept to build deltas from serve nobody: an idle game costs only its state.</summary>
    private void ForgetViewsIfUnwatched()
    {
        if (_subscribers.Count > 0)
            return;
        _basis = null;
        _published.Clear();
    }

    /// <summary>Sends every subscriber the seat list when it changed (a seat added, released, connected or left).</summary>
    private void PublishSeats()
    {
        DropLapsedSubscriptions();
        var list = SeatList();
        if (list.SequenceEqual(_seatList))
            return;
        _seatList = list;
        foreach (var observer in _subscribers.Keys)
            _ = observer.Seats(list);
    }

    private ImmutableArray<SeatView> SeatList()
    {
        var connected = _subscribers.Values.SelectMany(s => s.Interest.ConnectedSeats).ToHashSet(StringComparer.Ordinal);
        return [.. _seats.Select(s => new SeatView(s.SeatId, s.Audience, s.DisplayName, connected.Contains(s.SeatId), s.Bot))];
    }

    private void DropLapsedSubscriptions()
    {
        var now = time.GetUtcNow();
        foreach (var (observer, subscription) in _subscribers.Where(s => s.Value.Expires < now).ToList())
        {
            _subscribers.Remove(observer);
            logger.LogInformation("A node's subscription to game {GameId} lapsed", GameId);
        }
        ForgetViewsIfUnwatched();
    }

    /// <summary>
    /// Lets every role with a bot seat act on the new state on the domain's BotCadence (each bot sees only its role's
    /// view), as that role's player. A refused bot command is logged and skipped.
    /// </summary>
    private async Task PlayBots()
    {
        var bots = _seats.Where(s => s is { Bot: true, Audience.Role: not null }).Select(s => s.Audience.Role!.Value).Distinct().Order().ToList();
        if (_botsPlaying || bots.Count == 0)
            return;
        _botsPlaying = true;
        try
        {
            await BotCadence.Play(bots, () => ValueTask.FromResult(State), async command =>
            {
                var result = await Handle(command);
                if (!result.Accepted)
                    logger.LogWarning("Bot {Role} of game {GameId}: {Command} refused: {Code}", command.Actor.Role, GameId, command.GetType().Name, result.Code);
                return result.Accepted;
            });
        }
        finally
        {
            _botsPlaying = false;
        }
    }

    /// <summary>
    /// Runs a grain timer while a deadline runs (it keeps the game active, so it is not collected before its deadline)
    /// and records the deadline in the store, where <see cref="DeadlineKeeper"/> finds it if this node dies.
    /// </summary>
    private async Task WatchDeadline(GameState state)
    {
        // The rules keep no deadline while paused or after the end.
        var running = state.Deadline;
        if (running is null)
        {
            _deadlineTimer?.Dispose();
            _deadlineTimer = null;
        }
        else
        {
            _deadlineTimer ??= this.RegisterGrainTimer(CloseIfDue, new GrainTimerCreationOptions(DeadlineCheck, DeadlineCheck) { KeepAlive = true });
        }
        if (running != _storedDeadline)
        {
            await store.SetPendingDeadline(GameId, running, CancellationToken.None);
            _storedDeadline = running;
        }
    }

    private async Task CloseIfDue(CancellationToken cancellationToken)
    {
        if (State.Deadline is not { } deadline || clock.Time.GetUtcNow() < deadline)
            return;
        logger.LogInformation("Deadline {Deadline} of game {GameId} passed; closing the phase if it still stands", deadline, GameId);
        // The rules close the phase only if this deadline still stands (another activation may have closed it already).
        await Handle(new CloseAtDeadline(Actor.System, deadline));
    }

    private sealed record Subscription(NodeInterest Interest, DateTimeOffset Expires);
}
