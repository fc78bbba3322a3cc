using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Views;
using Wargame.Server.Hubs;
using Wargame.Server.Seats;
using Wargame.Server.Storage;

namespace Wargame.Server.Games;

/// <summary>The actor was passivated between lookup and call; the caller activates a fresh one.</summary>
internal sealed class ActorDeactivatedException() : Exception("The game actor was passivated.");

internal sealed class GameNotFoundException(string gameId) : Exception($"There is no game {gameId}.");

/// <summary>
/// One game's activation: a mailbox read by one loop, so state is touched by one call at a time and needs no
/// lock. State is rebuilt from the store on the first call. The deadline is a timer on the injected clock.
/// </summary>
internal sealed class GameActor
{
    private const int MaxAppendAttempts = 3;

    private readonly Channel<Func<Task>> _mailbox = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGameStore _store;
    private readonly IGamePublisher _publisher;
    private readonly PushOutbox _outbox;
    private readonly Presence _presence;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private GameState? _state;
    private ITimer? _deadlineTimer;
    private DateTimeOffset? _storedDeadline;
    private long _lastActivity;
    private ImmutableSortedSet<Role> _bots = [];
    private readonly Dictionary<Audience, string> _lastPublished = [];
    private bool _botsPlaying;
    private int _queued;

    public GameActor(string gameId, IGameStore store, IGamePublisher publisher, Presence presence, TimeProvider time, ILogger logger)
    {
        GameId = gameId;
        _store = store;
        _publisher = publisher;
        _outbox = new PushOutbox(gameId, logger);
        _presence = presence;
        _time = time;
        _logger = logger;
        _lastActivity = time.GetTimestamp();
        Completion = Task.Run(RunMailbox);
    }

    public string GameId { get; }

    public Task Completion { get; }

    public TimeSpan IdleFor => _time.GetElapsedTime(Volatile.Read(ref _lastActivity));

    public Task<CommandResult> Execute(GameCommand command) => Enqueue(() => Handle(command));

    public Task Attach(string connectionId, Audience audience) => Enqueue(async () =>
    {
        var state = await State();
        await _publisher.Attach(connectionId, GameId, audience);
        await _publisher.SendView(connectionId, GameId, GameViews.For(state, audience));
        return true;
    });

    public Task<GameView> View(Audience audience) => Enqueue(async () => GameViews.For(await State(), audience));

    /// <summary>Sends every connection the seat list; bots seated or released since start play (or stop) from now on.</summary>
    public Task PublishSeats() => Enqueue(async () =>
    {
        var seats = await _store.Seats(GameId, CancellationToken.None);
        SeatView[] list = [.. seats.Select(s => new SeatView(s.SeatId, s.Audience, s.DisplayName, _presence.IsConnected(s.SeatId), s.Bot))];
        _outbox.Post("seats", () => _publisher.PublishSeats(GameId, list));
        var bots = BotRoles(seats);
        if (!bots.SetEquals(_bots))
        {
            _bots = bots;
            await PlayBots();
        }
        return true;
    });

    /// <summary>
    /// Stops the mailbox if the game has been idle for <paramref name="idleTimeout"/> and no deadline is running
    /// (its timer lives here). Returns whether the actor is now passivated.
    /// </summary>
    public async Task<bool> TryPassivate(TimeSpan idleTimeout)
    {
        try
        {
            return await Enqueue(touch: false, work: () =>
            {
                var deadlineRunning = _state is { Deadline: not null, Paused: false, Ended: false };
                if (IdleFor < idleTimeout || deadlineRunning || Volatile.Read(ref _queued) > 1)
                    return Task.FromResult(false);
                _mailbox.Writer.TryComplete();
                _deadlineTimer?.Dispose();
                return Task.FromResult(true);
            });
        }
        catch (ActorDeactivatedException)
        {
            return true;
        }
    }

    /// <summary>Stops the actor when the server stops: no more calls, no more timers.</summary>
    public async Task Deactivate()
    {
        _mailbox.Writer.TryComplete();
        await Completion;
        _deadlineTimer?.Dispose();
    }

    /// <summary>
    /// Decide and evolve (Rules.Apply, with the time stamped on commands that need it), append, publish. On a conflict
    /// the log is reloaded (the clients here are shown what the other writer did) and the command decided again.
    /// </summary>
    private async Task<CommandResult> Handle(GameCommand command)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object?> { ["GameId"] = GameId, ["Actor"] = command.Actor.ToString() });
        for (var attempt = 1; ; attempt++)
        {
            var state = await State();
            if (attempt > 1)
                PublishViews(state);
            var applied = Rules.Apply(state, command is ClockedCommand clocked ? clocked with { Now = _time.GetUtcNow() } : command);
            if (applied.Rejection is { } rejection)
            {
                _logger.LogInformation("{Command} refused: {Code}", command.GetType().Name, rejection.Code);
                return CommandResult.Refused(rejection.Code, rejection.Message, VersionFor(state, command.Actor));
            }
            try
            {
                await _store.AppendEvents(GameId, state.Version, applied.Events, CancellationToken.None);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAppendAttempts)
            {
                // Another node (or a stale activation) appended first: rebuild from the log and decide again.
                _logger.LogWarning("{Command} conflicted at version {Version}; reloading", command.GetType().Name, state.Version);
                _state = null;
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                _state = null;
                return CommandResult.Refused("conflict", "The game changed while your command was being applied; please try again.", VersionFor(state, command.Actor));
            }

            state = applied.State;
            _state = state;
            _logger.LogInformation("{Command} accepted; version {Version}", command.GetType().Name, state.Version);
            PublishViews(state);
            await ArmDeadline(state);
            var result = CommandResult.Ok(VersionFor(state, command.Actor));
            await PlayBots();
            return result;
        }
    }

    /// <summary>
    /// The version of the caller's own view, never the log's: a log version would count events the caller may not
    /// see. The facilitator (and the system) see every event, so theirs is the log's.
    /// </summary>
    private static int VersionFor(GameState state, Actor actor) =>
        AudienceVersions.Of(state, actor is { Kind: ActorKind.Player, Role: { } role } ? Audience.Of(role) : Audience.Facilitator);

    private async Task<GameState> State()
    {
        if (_state is not null)
            return _state;
        var events = await _store.LoadEvents(GameId, CancellationToken.None);
        if (events.Count == 0)
            throw new GameNotFoundException(GameId);
        _state = Rules.Replay(events);
        // On activation, connections already hold the views of this state; only changes from here on are pushed.
        // (After a conflict reload the cache stays, so the other writer's changes are pushed.)
        if (_lastPublished.Count == 0)
        {
            foreach (var audience in Audience.All)
                _lastPublished[audience] = Published(GameViews.For(_state, audience));
        }
        _bots = BotRoles(await _store.Seats(GameId, CancellationToken.None));
        _storedDeadline = _state.Deadline;
        await ArmDeadline(_state);
        return _state;
    }

    /// <summary>
    /// Pushes each audience its view, but only when something it may see changed: a private message or secret
    /// orders send nothing to the audiences that cannot see them, so their connections learn nothing from the
    /// timing of pushes, and no one parses an unchanged 50 KB view. The outbox sends them, so the actor never waits
    /// for a client.
    /// </summary>
    private void PublishViews(GameState state)
    {
        foreach (var audience in Audience.All)
        {
            var view = GameViews.For(state, audience);
            var content = Published(view);
            if (_lastPublished.TryGetValue(audience, out var last) && last == content)
                continue;
            _lastPublished[audience] = content;
            _outbox.Post($"view/{audience}", () => _publisher.PublishView(GameId, audience, view));
        }
    }

    /// <summary>
    /// A digest of an audience's view, version included: that version moves only with events the audience may see,
    /// so a push still reveals nothing hidden. A digest, not the text, so an idle game keeps 6 × 32 bytes rather
    /// than six copies of its views.
    /// </summary>
    private static string Published(GameView view) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(view, GameJson.Options)));

    /// <summary>
    /// Lets every role with a bot seat act on the new state on the domain's BotCadence (each bot sees only its role's
    /// view), as that role's player. A refused bot command is logged and skipped.
    /// </summary>
    private async Task PlayBots()
    {
        if (_botsPlaying || _bots.IsEmpty)
            return;
        _botsPlaying = true;
        try
        {
            await BotCadence.Play(_bots, async () => await State(), async command =>
            {
                var result = await Handle(command);
                if (!result.Accepted)
                    _logger.LogWarning("Bot {Role} of game {GameId}: {Command} refused: {Code}", command.Actor.Role, GameId, command.GetType().Name, result.Code);
                return result.Accepted;
            });
        }
        finally
        {
            _botsPlaying = false;
        }
    }

    private static ImmutableSortedSet<Role> BotRoles(IEnumerable<SeatRecord> seats) =>
        [.. seats.Where(s => s is { Bot: true, Audience.Role: not null }).Select(s => s.Audience.Role!.Value)];

    /// <summary>Runs the timer for the current deadline; when it passes, the phase advances as if the facilitator had closed it.</summary>
    private async Task ArmDeadline(GameState state)
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        var running = state is { Paused: false, Ended: false } ? state.Deadline : null;
        if (running is { } deadline)
        {
            var due = deadline - _time.GetUtcNow();
            _deadlineTimer = _time.CreateTimer(_ => _ = DeadlinePassed(deadline), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
        if (running != _storedDeadline)
        {
            await _store.SetPendingDeadline(GameId, running, CancellationToken.None);
            _storedDeadline = running;
        }
    }

    private async Task DeadlinePassed(DateTimeOffset deadline)
    {
        try
        {
            await Enqueue(async () =>
            {
                _logger.LogInformation("Deadline {Deadline} of game {GameId} passed; closing the phase if it still stands", deadline, GameId);
                // The rules close the phase only if this deadline still stands (another node may have closed it already).
                var result = await Handle(new CloseAtDeadline(Actor.System, deadline));
                return result.Accepted;
            });
        }
        catch (ActorDeactivatedException)
        {
            // Passivation never happens with a running deadline; a disposed actor has nothing to close.
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Closing the phase of game {GameId} at its deadline failed", GameId);
        }
    }

    private Task<T> Enqueue<T>(Func<Task<T>> work, bool touch = true)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _queued);
        var written = _mailbox.Writer.TryWrite(async () =>
        {
            try
            {
                completion.SetResult(await work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        if (!written)
        {
            Interlocked.Decrement(ref _queued);
            throw new ActorDeactivatedException();
        }
        if (touch)
            Volatile.Write(ref _lastActivity, _time.GetTimestamp());
        return completion.Task;
    }

    private async Task RunMailbox()
    {
        await foreach (var work in _mailbox.Reader.ReadAllAsync())
        {
            await work();
            Interlocked.Decrement(ref _queued);
        }
    }
}
