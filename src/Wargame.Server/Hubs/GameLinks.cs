using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Storage;

namespace Wargame.Server.Hubs;

/// <summary>
/// This node's links to the games its connections play: one <see cref="GameLink"/> (a grain observer) per game with a
/// connection here, whichever silo the game is active on. A game's next activation starts with no subscribers, so links
/// subscribe again when it deactivates (<see cref="GameLink.Deactivated"/>), when a silo dies (<see cref="RenewNow"/>,
/// from <see cref="ClusterWatch"/>) and, as a safety net, on a timer.
/// </summary>
internal sealed class GameLinks(IGrainFactory grains, IGamePublisher publisher, ILoggerFactory loggers, TimeSpan? renewEvery = null, CommandMetrics? metrics = null)
    : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, GameLink> _links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _released = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<GameLinks>();
    private readonly Channel<bool> _renewNow = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Connections holding a seat on this node.</summary>
    public int Connections
    {
        get
        {
            lock (_lock)
                return _links.Values.Sum(l => l.Connections);
        }
    }

    public bool IsReleased(string seatId) => _released.ContainsKey(seatId);

    /// <summary>Adds a seated connection to its game's pushes and sends it the latest view and seat list, in order with every push.</summary>
    public async Task Join(string connectionId, SeatRecord seat)
    {
        await publisher.Attach(connectionId, seat.GameId, seat.Audience);
        GameLink link;
        lock (_lock)
        {
            if (!_links.TryGetValue(seat.GameId, out link!))
                _links[seat.GameId] = link = new GameLink(seat.GameId, this, grains, publisher, loggers.CreateLogger<GameLink>(), metrics);
            link.Add(connectionId, seat);
        }
        await link.Sync();
        link.Welcome(seat.Audience);
    }

    /// <summary>Sends the connection its audience's whole view again; returns the version it will carry (0 before the first).</summary>
    public int Resync(string connectionId, SeatRecord seat)
    {
        GameLink? link;
        lock (_lock)
            link = _links.GetValueOrDefault(seat.GameId);
        return link?.Resync(connectionId, seat.Audience) ?? 0;
    }

    public async Task Leave(string connectionId, SeatRecord seat)
    {
        GameLink? link;
        bool last;
        lock (_lock)
        {
            if (!_links.TryGetValue(seat.GameId, out link))
                return;
            link.Remove(connectionId);
            last = link.IsEmpty;
            if (last)
                _links.Remove(seat.GameId);
        }
        if (last)
            await link.Close();
        else
            await link.Sync();
    }

    /// <summary>A seat of the game was released: its connections here stop receiving and acting.</summary>
    public Task Released(string gameId, string seatId)
    {
        GameLink? link;
        lock (_lock)
            link = _links.GetValueOrDefault(gameId);
        if (link is not null)
            return Released(link, seatId);
        _released[seatId] = true;
        return Task.CompletedTask;
    }

    internal async Task Released(GameLink link, string seatId)
    {
        _released[seatId] = true;
        IReadOnlyList<(string ConnectionId, SeatRecord Seat)> dropped;
        bool last;
        lock (_lock)
        {
            dropped = link.RemoveSeat(seatId);
            last = link.IsEmpty && _links.GetValueOrDefault(link.GameId) == link;
            if (last)
                _links.Remove(link.GameId);
        }
        foreach (var (connectionId, seat) in dropped)
            await publisher.Detach(connectionId, seat.GameId, seat.Audience);
        if (last)
            await link.Close();
        else
            await link.Sync();
    }

    /// <summary>
    /// Renews every link now rather than at the next tick: a silo died, so the games it held activate elsewhere with
    /// no subscribers until their nodes subscribe again.
    /// </summary>
    public void RenewNow(string reason)
    {
        _logger.LogInformation("Renewing every game subscription now: {Reason}", reason);
        _renewNow.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    var signalled = _renewNow.Reader.WaitToReadAsync(wait.Token).AsTask();
                    await Task.WhenAny(Task.Delay(renewEvery ?? NodeInterest.RenewEvery, wait.Token), signalled);
                    stoppingToken.ThrowIfCancellationRequested();
                    await wait.CancelAsync();
                }
                while (_renewNow.Reader.TryRead(out _))
                {
                }
                await RenewAll(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RenewAll(CancellationToken stoppingToken)
    {
        GameLink[] links;
        lock (_lock)
            links = [.. _links.Values];
        // A few at a time: after a failover each may wait for its game's new activation.
        await Parallel.ForEachAsync(links, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, async (link, _) =>
        {
            try
            {
                await link.Sync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Renewing the subscription to game {GameId} failed; trying again at the next renewal", link.GameId);
            }
        });
    }
}

/// <summary>
/// One game's observer on this node: receives the views of the audiences this node's connections belong to and the
/// seat list, and fans them out to the connections through <see cref="IGamePublisher"/> groups. Views only move
/// forward (an older or repeated version is dropped), so a re-subscription or a late message never sends one back.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Its SemaphoreSlim is never asked for a wait handle, so it holds nothing to dispose.")]
internal sealed class GameLink : IGameObserver
{
    private readonly GameLinks _owner;
    private readonly IGrainFactory _grains;
    private readonly IGamePublisher _publisher;
    private readonly ILogger _logger;
    private readonly CommandMetrics? _metrics;
    private readonly IGameGrain _game;
    private readonly IGameObserver _reference;
    private readonly PushOutbox _outbox;
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SeatRecord> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<Audience, ViewFeed> _views = [];
    private readonly Feed<ImmutableArray<SeatView>> _seats = new();
    private volatile bool _closed;

    public GameLink(string gameId, GameLinks owner, IGrainFactory grains, IGamePublisher publisher, ILogger logger, CommandMetrics? metrics = null)
    {
        GameId = gameId;
        _owner = owner;
        _grains = grains;
        _publisher = publisher;
        _logger = logger;
        _metrics = metrics;
        _game = grains.GetGrain<IGameGrain>(gameId);
        _outbox = new PushOutbox(gameId, logger);
        // Orleans holds an observer weakly; this link holds the reference for as long as it lives.
        _reference = grains.CreateObjectReference<IGameObserver>(this);
    }

    public string GameId { get; }

    public int Connections
    {
        get
        {
            lock (_lock)
                return _connections.Count;
        }
    }

    public bool IsEmpty => Connections == 0;

    /// <summary>
    /// Adds a connection already in its groups. Until a group push reaches it, it waits as a newcomer for the latest
    /// view and seat list; a push sent to the group from now on reaches it, so it never gets the same one twice.
    /// </summary>
    public void Add(string connectionId, SeatRecord seat)
    {
        lock (_lock)
        {
            _connections[connectionId] = seat;
            FeedOf(seat.Audience).Newcomers.Add(connectionId);
            _seats.Newcomers.Add(connectionId);
        }
    }

    public void Remove(string connectionId)
    {
        lock (_lock)
            _connections.Remove(connectionId);
    }

    public IReadOnlyList<(string ConnectionId, SeatRecord Seat)> RemoveSeat(string seatId)
    {
        lock (_lock)
        {
            var dropped = _connections.Where(c => c.Value.SeatId == seatId).Select(c => (c.Key, c.Value)).ToList();
            foreach (var (connectionId, _) in dropped)
                _connections.Remove(connectionId);
            return dropped;
        }
    }

    /// <summary>
    /// Tells the game what this node's connections need now (starting or renewing the subscription). While the silo
    /// that held the game is dying, calls fail until the cluster declares it dead and the game activates elsewhere:
    /// subscribing is idempotent, so it is retried through that window.
    /// </summary>
    public async Task Sync()
    {
        await _subscribing.WaitAsync();
        try
        {
            for (var waited = TimeSpan.Zero; ; waited += FailoverRetry)
            {
                if (_closed)
                    return;
                NodeInterest interest;
                lock (_lock)
                {
                    interest = new NodeInterest(
                        [.. _connections.Values.Select(s => s.Audience).Distinct()],
                        [.. _connections.Values.Select(s => s.SeatId).Distinct()]);
                }
                try
                {
                    await _game.Subscribe(_reference, interest);
                    return;
                }
                catch (Exception e) when (e is OrleansMessageRejectionException or TimeoutException && waited < FailoverWindow)
                {
                    _logger.LogWarning("Game {GameId} is not reachable yet ({Error}: {Message}); retrying", GameId, e.GetType().Name, e.Message);
                    await Task.Delay(FailoverRetry);
                }
            }
        }
        finally
        {
            _subscribing.Release();
        }
    }

    /// <summary>Longer than the cluster takes to declare a hung silo dead (about 10 s) plus one response timeout.</summary>
    private static readonly TimeSpan FailoverWindow = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FailoverRetry = TimeSpan.FromMilliseconds(100);

    public async Task Close()
    {
        await _subscribing.WaitAsync();
        try
        {
            _closed = true;
            await _game.Unsubscribe(_reference);
        }
        catch (Exception e)
        {
            // The game's subscription lapses on its own.
            _logger.LogDebug(e, "Unsubscribing from game {GameId} failed", GameId);
        }
        finally
        {
            _subscribing.Release();
            _ = ForgetReferenceLater();
        }
    }

    /// <summary>
    /// Pushes the game sent before it handled the unsubscription may still be on their way, and Orleans logs one that
    /// finds its observer gone as an error: the reference is kept a while longer, and the closed link drops them.
    /// </summary>
    private async Task ForgetReferenceLater()
    {
        await Task.Delay(ClosedReferenceKept);
        _grains.DeleteObjectReference<IGameObserver>(_reference);
    }

    private static readonly TimeSpan ClosedReferenceKept = TimeSpan.FromSeconds(30);

    /// <summary>Sends the newcomers of <paramref name="audience"/> the latest view and seat list, unless a push already has.</summary>
    public void Welcome(Audience audience)
    {
        _outbox.Post(ViewGroup(audience), () => SendView(audience));
        _outbox.Post("seats", SendSeats);
    }

    /// <summary>A connection of this game asked for its audience's full view again (it missed a delta).</summary>
    public int Resync(string connectionId, Audience audience)
    {
        int version;
        lock (_lock)
        {
            if (!_connections.ContainsKey(connectionId))
                return 0;
            var feed = FeedOf(audience);
            feed.Newcomers.Add(connectionId);
            version = feed.LatestVersion;
        }
        _outbox.Post(ViewGroup(audience), () => SendView(audience));
        return version;
    }

    public Task View(GameView view)
    {
        if (_closed)
            return Task.CompletedTask;
        lock (_lock)
        {
            if (!FeedOf(view.Audience).Offer(view))
                return Task.CompletedTask;
        }
        _outbox.Post(ViewGroup(view.Audience), () => SendView(view.Audience));
        return Task.CompletedTask;
    }

    public Task Update(ImmutableArray<ViewDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            bool applied;
            var applying = CommandMetrics.Now();
            lock (_lock)
                applied = FeedOf(delta.Audience).Offer(delta);
            _metrics?.Record(CommandMetrics.Stages.NodeApply, nameof(Update), applying);
            if (applied)
                _outbox.Post(ViewGroup(delta.Audience), () => SendView(delta.Audience));
            else
                _ = Refresh(delta.Audience, delta.Version);
        }
        return Task.CompletedTask;
    }

    // The outbox group of each audience's views, named once rather than on every push.
    private static readonly Dictionary<Audience, string> ViewGroups = Audience.All.ToDictionary(a => a, a => $"view/{a}");

    private static string ViewGroup(Audience audience) => ViewGroups.TryGetValue(audience, out var name) ? name : $"view/{audience}";

    /// <summary>A delta arrived that does not follow the view held here (a message overtook another): ask the game for the whole view.</summary>
    private async Task Refresh(Audience audience, int version)
    {
        try
        {
            await View(await _game.View(audience));
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Fetching {Audience}'s view {Version} of game {GameId} failed", audience, version, GameId);
        }
    }

    public Task Seats(ImmutableArray<SeatView> seats)
    {
        if (_closed)
            return Task.CompletedTask;
        lock (_lock)
            _seats.Offer(seats);
        _outbox.Post("seats", SendSeats);
        return Task.CompletedTask;
    }

    public Task SeatReleased(string seatId)
    {
        if (!_closed)
            _ = ReleaseSeat(seatId);
        return Task.CompletedTask;
    }

    public Task Deactivated()
    {
        if (!_closed)
            _ = Resubscribe();
        return Task.CompletedTask;
    }

    private async Task Resubscribe()
    {
        try
        {
            await Sync();
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Subscribing again to game {GameId} after it deactivated failed; the next renewal retries", GameId);
        }
    }

    private async Task ReleaseSeat(string seatId)
    {
        try
        {
            await _owner.Released(this, seatId);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Dropping the connections of released seat {SeatId} of game {GameId} failed", seatId, GameId);
        }
    }

    private ViewFeed FeedOf(Audience audience)
    {
        if (!_views.TryGetValue(audience, out var feed))
            _views[audience] = feed = new ViewFeed();
        return feed;
    }

    private async Task SendView(Audience audience)
    {
        var sending = CommandMetrics.Now();
        ViewFeed.Sends sends;
        lock (_lock)
            sends = FeedOf(audience).Take();
        if (sends.Newcomers is { } newcomers)
            await _publisher.SendView(newcomers, GameId, sends.Full!);
        if (sends.ToGroup is { } full)
            await _publisher.PublishView(GameId, audience, full);
        else if (sends.Delta is { } delta)
            await _publisher.PublishUpdate(GameId, audience, delta, sends.Newcomers ?? []);
        _metrics?.Record(CommandMetrics.Stages.NodeSend, sends.Delta is null ? nameof(View) : nameof(Update), sending, sameThread: false);
    }

    private Task SendSeats()
    {
        (ImmutableArray<SeatView> Item, IReadOnlyList<string>? To)? send;
        lock (_lock)
            send = _seats.Take();
        return send switch
        {
            { To: null } group => _publisher.PublishSeats(GameId, group.Item),
            { } some => _publisher.SendSeats(some.To, GameId, some.Item),
            null => Task.CompletedTask,
        };
    }

    /// <summary>
    /// One audience's views on this node: the latest, the one its group was last sent, and the connections that need
    /// the whole view (they joined, resumed or asked to resync). The group gets one delta from what it was sent to the
    /// latest: the game's own when it is one step, otherwise one computed here (pushes queued behind a slow send
    /// coalesce), so each connection's deltas chain without a gap.
    /// </summary>
    private sealed class ViewFeed
    {
        private GameView? _latest;
        private GameView? _sent;
        private ViewDelta? _step;

        public List<string> Newcomers { get; } = [];

        public int LatestVersion => _latest?.Version ?? 0;

        /// <summary>Takes a whole view; false if it is not newer than the one held.</summary>
        public bool Offer(GameView view)
        {
            if (_latest is { } latest && latest.Version >= view.Version)
                return Newcomers.Count > 0;
            _latest = view;
            _step = null;
            return true;
        }

        /// <summary>Takes a delta; false if it does not follow the view held (the caller fetches the whole view).</summary>
        public bool Offer(ViewDelta delta)
        {
            if (_latest is null || delta.BaseVersion != _latest.Version)
                return _latest is not null && delta.Version <= _latest.Version;
            _latest = delta.ApplyTo(_latest);
            _step = _sent?.Version == delta.BaseVersion ? delta : null;
            return true;
        }

        public readonly record struct Sends(GameView? Full, IReadOnlyList<string>? Newcomers, GameView? ToGroup, ViewDelta? Delta);

        /// <summary>What to send now: the whole latest view to newcomers, and the group what it lacks.</summary>
        public Sends Take()
        {
            if (_latest is not { } latest)
                return default;
            IReadOnlyList<string>? newcomers = Newcomers.Count > 0 ? [.. Newcomers] : null;
            Newcomers.Clear();
            if (_sent is null)
            {
                _sent = latest;
                return new Sends(latest, null, latest, null);
            }
            ViewDelta? delta = null;
            if (latest.Version > _sent.Version)
                delta = _step ?? ViewDelta.Between(_sent, latest);
            _sent = latest;
            _step = null;
            return new Sends(latest, newcomers, null, delta);
        }
    }

    /// <summary>
    /// The latest item of one push group and who still needs it: the whole group after a new item, otherwise only the
    /// connections that joined since (a group send covers them too, since they are already in the group).
    /// </summary>
    private sealed class Feed<T>
    {
        private bool _unsent;

        public T? Latest { get; private set; }

        public bool HasLatest { get; private set; }

        public List<string> Newcomers { get; } = [];

        public void Offer(T item)
        {
            Latest = item;
            HasLatest = true;
            _unsent = true;
        }

        /// <summary>What to send now: the latest item to the group (To null) or to the newcomers, or nothing.</summary>
        public (T Item, IReadOnlyList<string>? To)? Take()
        {
            if (!HasLatest)
                return null;
            if (_unsent)
            {
                _unsent = false;
                Newcomers.Clear();
                return (Latest!, null);
            }
            if (Newcomers.Count == 0)
                return null;
            IReadOnlyList<string> to = [.. Newcomers];
            Newcomers.Clear();
            return (Latest!, to);
        }
    }
}
