using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Tests.Views;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Hubs;

namespace Wargame.Server.Tests.Support;

/// <summary>
/// A real SignalR client (Microsoft.AspNetCore.SignalR.Client over WebSockets, reconnecting automatically as the
/// browser does) of the game hub that records every message the server sends it. Like the browser it holds its
/// view as JSON, merges each delta into it (<see cref="ClientMerge"/>) and asks for a resync on a version gap;
/// <see cref="Views"/> lists the view it held after each whole view and each delta.
/// </summary>
internal sealed class GameClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<GameView> _views = new();
    private readonly ConcurrentQueue<JsonObject> _deltas = new();
    private readonly ConcurrentQueue<IReadOnlyList<SeatView>> _seats = new();
    private readonly SemaphoreSlim _received = new(0);
    private readonly Lock _lock = new();
    private JsonObject? _held;
    private int _dropUpdates;

    private GameClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<string, JsonElement>(nameof(IGameClient.View), (_, view) =>
        {
            lock (_lock)
            {
                var next = JsonObject.Create(view)!;
                // A whole view replaces an older one (or another audience's, after a seat change), never a newer one.
                if (_held is not null && SameAudience(_held, next) && (int)_held["version"]! > (int)next["version"]!)
                    return;
                Hold(next);
            }
            _received.Release();
        });
        connection.On<string, JsonElement>(nameof(IGameClient.Update), (_, update) =>
        {
            var delta = JsonObject.Create(update)!;
            _deltas.Enqueue(delta);
            lock (_lock)
            {
                if (_held is null || !SameAudience(_held, delta) || (int)delta["version"]! <= (int)_held["version"]!)
                    return;
                if (_dropUpdates > 0 || (int)delta["baseVersion"]! != (int)_held["version"]!)
                {
                    _dropUpdates = Math.Max(0, _dropUpdates - 1);
                    Gaps++;
                    Connection.InvokeAsync<CommandResult>(nameof(GameHub.Resync)).ContinueWith(t => t.Exception, TaskScheduler.Default);
                    return;
                }
                Hold(ClientMerge.Apply(_held, delta));
            }
            _received.Release();
        });
        connection.On<string, IReadOnlyList<SeatView>>(nameof(IGameClient.Seats), (_, seats) =>
        {
            _seats.Enqueue(seats);
            _received.Release();
        });
    }

    public HubConnection Connection { get; }

    public IReadOnlyCollection<GameView> Views => _views;

    /// <summary>Every delta received, as it came over the wire.</summary>
    public IReadOnlyCollection<JsonObject> Deltas => _deltas;

    /// <summary>Version gaps seen (each answered with a resync).</summary>
    public int Gaps { get; private set; }

    /// <summary>Loses the next <paramref name="count"/> deltas as a dropped message would: the client sees a gap and resyncs.</summary>
    public void DropUpdates(int count)
    {
        lock (_lock)
            _dropUpdates = count;
    }

    /// <summary>The JSON view held now.</summary>
    public JsonObject? Held
    {
        get
        {
            lock (_lock)
                return _held?.DeepClone().AsObject();
        }
    }

    public IReadOnlyCollection<IReadOnlyList<SeatView>> SeatLists => _seats;

    public GameView? LastView => _views.LastOrDefault();

    /// <summary>Connects with the JSON hub protocol, or with MessagePack (records in the same shape, see MessagePackWire).</summary>
    public static async Task<GameClient> Connect(string address, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(address), "/hubs/game"), HttpTransportType.WebSockets)
            .WithAutomaticReconnect([TimeSpan.Zero, .. Enumerable.Repeat(TimeSpan.FromMilliseconds(250), 120)]);
        if (messagePack)
            builder.AddMessagePackProtocol(options => options.SerializerOptions = MessagePackWire.Options);
        else
            builder.AddJsonProtocol(json => json.PayloadSerializerOptions = new JsonSerializerOptions(GameJson.Options));
        var client = new GameClient(builder.Build());
        await client.Connection.StartAsync().WaitAsync(RunningServer.Timeout);
        return client;
    }

    public Task<T> Invoke<T>(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<T>(method, args).WaitAsync(RunningServer.Timeout);

    // One typed call per GameHub method, named by the hub itself: a renamed method or a changed argument fails to
    // compile here (and HubClientTests checks that every hub method has its call). Invoke stays for malformed calls.

    public Task<JoinResult> JoinWithCode(string code, string displayName) => Invoke<JoinResult>(nameof(GameHub.JoinWithCode), code, displayName);

    public Task<JoinResult> JoinAsFacilitator(string gameId, string facilitatorKey) => Invoke<JoinResult>(nameof(GameHub.JoinAsFacilitator), gameId, facilitatorKey);

    public Task<JoinResult> Resume(string seatToken) => Invoke<JoinResult>(nameof(GameHub.Resume), seatToken);

    public Task<CommandResult> PostMessage(MessageRequest message) => Invoke<CommandResult>(nameof(GameHub.PostMessage), message);

    public Task<CommandResult> Propose(AgreementTerms terms) => Invoke<CommandResult>(nameof(GameHub.Propose), terms);

    public Task<CommandResult> RespondToProposal(int proposalId, ProposalResponse response) =>
        Invoke<CommandResult>(nameof(GameHub.RespondToProposal), proposalId, response);

    public Task<CommandResult> CounterProposal(int proposalId, AgreementTerms terms) =>
        Invoke<CommandResult>(nameof(GameHub.CounterProposal), proposalId, terms);

    public Task<CommandResult> RevokeAgreement(int agreementId, string reason) =>
        Invoke<CommandResult>(nameof(GameHub.RevokeAgreement), agreementId, reason);

    public Task<GuaranteePreviewResult> PreviewGuarantee(AgreementTerms terms) => Invoke<GuaranteePreviewResult>(nameof(GameHub.PreviewGuarantee), terms);

    public Task<CommandResult> SubmitOrders(Orders orders) => Invoke<CommandResult>(nameof(GameHub.SubmitOrders), orders);

    public Task<CommandResult> AdvancePhase() => Invoke<CommandResult>(nameof(GameHub.AdvancePhase));

    public Task<CommandResult> SetDeadline(int? seconds) => Invoke<CommandResult>(nameof(GameHub.SetDeadline), seconds);

    public Task<CommandResult> SetDeadlinePresets(DeadlinePresets presets) => Invoke<CommandResult>(nameof(GameHub.SetDeadlinePresets), presets);

    public Task<CommandResult> AddNote(int turn, string text) => Invoke<CommandResult>(nameof(GameHub.AddNote), turn, text);

    public Task<CommandResult> ExtendDeadline(int seconds) => Invoke<CommandResult>(nameof(GameHub.ExtendDeadline), seconds);

    public Task<CommandResult> Pause() => Invoke<CommandResult>(nameof(GameHub.Pause));

    public Task<CommandResult> ResumePlay() => Invoke<CommandResult>(nameof(GameHub.ResumePlay));

    public Task<CommandResult> InjectEvent(InjectRequest inject) => Invoke<CommandResult>(nameof(GameHub.InjectEvent), inject);

    public Task<CommandResult> AdjustAdjudication(AdjustRequest adjustment) => Invoke<CommandResult>(nameof(GameHub.AdjustAdjudication), adjustment);

    public Task<CommandResult> AssignBot(Role role) => Invoke<CommandResult>(nameof(GameHub.AssignBot), role);

    public Task<CommandResult> ReleaseSeat(string seatId) => Invoke<CommandResult>(nameof(GameHub.ReleaseSeat), seatId);

    public Task<CommandResult> EndGame() => Invoke<CommandResult>(nameof(GameHub.EndGame));

    public Task<CommandResult> RevealAll() => Invoke<CommandResult>(nameof(GameHub.RevealAll));

    public Task<CommandResult> Resync() => Invoke<CommandResult>(nameof(GameHub.Resync));

    public Task<MessagePage> OlderMessages(ImmutableArray<Role> members, int beforeId) => Invoke<MessagePage>(nameof(GameHub.OlderMessages), members, beforeId);

    /// <summary>As the browser does: after an automatic reconnect, take the seat again with its token.</summary>
    public void ResumeOnReconnect(string token) => Connection.Reconnected += async _ =>
    {
        Resumed = await Resume(token);
        _received.Release();
    };

    public JoinResult? Resumed { get; private set; }

    /// <summary>Waits until a received view satisfies <paramref name="condition"/>.</summary>
    public async Task<GameView> WaitForView(Func<GameView, bool> condition)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (true)
        {
            if (_views.LastOrDefault(condition) is { } view)
                return view;
            try
            {
                await _received.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No view matched within {RunningServer.Timeout}; last was version {LastView?.Version}.");
            }
        }
    }

    public async Task<IReadOnlyList<SeatView>> WaitForSeats(Func<IReadOnlyList<SeatView>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(RunningServer.Timeout);
        while (true)
        {
            if (_seats.LastOrDefault(condition) is { } seats)
                return seats;
            try
            {
                await _received.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No seat list matched within {RunningServer.Timeout}.");
            }
        }
    }

    private void Hold(JsonObject view)
    {
        _held = view;
        _views.Enqueue(view.Deserialize<GameView>(GameJson.Options)!);
    }

    private static bool SameAudience(JsonObject a, JsonObject b) => JsonNode.DeepEquals(a["audience"], b["audience"]);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().AsTask().WaitAsync(RunningServer.Timeout);
        _received.Dispose();
    }
}
