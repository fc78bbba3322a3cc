using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>An acknowledgement never lies: a command that was stored is reported accepted, whatever fails after it.</summary>
public sealed class AcknowledgementTests
{
    [Fact]
    public async Task ACommandStoredBeforeItsDeadlineBookkeepingFailed_IsReportedAccepted_AndLaterCommandsWork()
    {
        var directory = RunningServer.NewDataDirectory();
        var store = new FlakyDeadlineStore(new SqliteGameStore(Path.Combine(directory, "wargame.db")));
        await using var server = await RunningServer.Start(directory, services: s => s.AddSingleton<IGameStore>(store));
        var table = await Table.Seat(server);

        store.Failing = true;
        var set = await table.Facilitator.Invoke<CommandResult>("SetDeadline", 3600);
        Assert.True(set.Accepted, $"{set.Code}: {set.Message}");
        var extended = await table.Facilitator.Invoke<CommandResult>("ExtendDeadline", 60);
        Assert.True(extended.Accepted, $"{extended.Code}: {extended.Message}");
        var message = await table.Players[Role.UA].Invoke<CommandResult>("PostMessage", new MessageRequest([], "Still playing"));
        Assert.True(message.Accepted);

        // Everything acknowledged is in the log, and pushed.
        using var export = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{table.Game.GameId}/export");
        export.Headers.Add("X-Facilitator-Key", table.Game.FacilitatorKey);
        var saved = await (await server.Http.SendAsync(export)).Content.ReadFromJsonAsync<SavedGame>(GameJson.Options);
        Assert.Equal(2, saved!.Events.Count(e => e is DeadlineSet { Deadline: not null }));
        Assert.Contains(saved.Events, e => e is MessagePosted { Text: "Still playing" });
        await table.Observer.WaitForView(v => v.Deadline is not null && v.Messages.Any(m => m.Text == "Still playing"));

        // Once the store answers again, the running deadline is recorded for the deadline scan.
        store.Failing = false;
        await table.Facilitate(f => f.ExtendDeadline(60));
        Assert.Contains(table.Game.GameId, await store.GamesWithPendingDeadlines(CancellationToken.None));
    }

    [Fact]
    public async Task OfTwoCommandsQueuedOnASlowGame_TheOneThatCouldNotStartInTime_IsRefusedBusy_AndNeverApplied()
    {
        // A one-second start window; the node waits 21 s for an answer, so no call times out here.
        await using var server = await RunningServer.Start(settings: ["--Wargame:CommandStartWithin", "00:00:01"]);
        var table = await Table.Seat(server);
        var path = Path.Combine(server.DataDirectory, "wargame.db");

        Task<CommandResult> first, second;
        await using (await SqliteWriteLock.Hold(path))
        {
            // Whichever reaches the game first waits in its append for the lock; the other waits behind it, past its window.
            first = table.Players[Role.UA].Invoke<CommandResult>("PostMessage", new MessageRequest([], "First"));
            second = table.Facilitator.Invoke<CommandResult>("PostMessage", new MessageRequest([], "Second"));
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        var results = new Dictionary<string, CommandResult> { ["First"] = await first, ["Second"] = await second };

        var accepted = Assert.Single(results, r => r.Value.Accepted).Key;
        var (busy, refusal) = Assert.Single(results, r => !r.Value.Accepted);
        Assert.Equal(GameGrain.Busy, refusal.Code);
        Assert.Equal("The game was too busy to take your command in time; nothing was changed. Send it again.", refusal.Message);
        Assert.Equal([accepted], await PostedMessages(server, table.Game.GameId));

        // Sent again, it is applied once.
        var sender = busy == "First" ? table.Players[Role.UA] : table.Facilitator;
        Assert.True((await sender.Invoke<CommandResult>("PostMessage", new MessageRequest([], busy))).Accepted);
        Assert.Equal([accepted, busy], await PostedMessages(server, table.Game.GameId));
    }

    [Fact]
    public async Task ACommandWhoseGameGivesNoAnswerInTime_IsReportedOutcomeUnknown_IsLoggedOnce_AndAResumedSeatSeesIt()
    {
        // A one-second start window: the node waits 21 s for the game's answer. The store holds this one append for 24 s,
        // then stores it, as a node too slow (or cut off) to answer would still store a command it had begun.
        var directory = RunningServer.NewDataDirectory();
        var store = new HeldAppendStore(new SqliteGameStore(Path.Combine(directory, "wargame.db")), "Held past the timeout", TimeSpan.FromSeconds(24));
        await using var server = await RunningServer.Start(directory, services: s => s.AddSingleton<IGameStore>(store),
            settings: ["--Wargame:CommandStartWithin", "00:00:01"]);
        var table = await Table.Seat(server);
        var ukraine = table.Players[Role.UA];

        var call = ukraine.Connection.InvokeCoreAsync<CommandResult>(nameof(GameHub.PostMessage), [new MessageRequest([], "Held past the timeout")]);
        var unknown = await Assert.ThrowsAsync<HubException>(() => call.WaitAsync(TimeSpan.FromSeconds(60)));

        // Told the truth: not that it failed, but that it may have been applied and where to look.
        Assert.EndsWith("HubException: outcome-unknown: The server lost touch with your game while it took this; it may have been applied. "
            + "Your view shows it if so: check it before you send it again.", unknown.Message);
        Assert.False(store.Released.IsCompleted);
        Assert.Empty(await PostedMessages(server, table.Game.GameId));

        // The game finishes the command after all: the log holds it once, the connection that sent it gets it pushed,
        // and the seat resumed on a new connection (as a browser reloading after the error) shows it once.
        await store.Released.WaitAsync(TimeSpan.FromSeconds(30));
        await ukraine.WaitForView(v => v.Messages.Any(m => m.Text == "Held past the timeout"));
        Assert.Equal(["Held past the timeout"], await PostedMessages(server, table.Game.GameId));
        var reloaded = await server.Connect();
        await reloaded.Resume(table.Seats[Role.UA].SeatToken);
        var view = await reloaded.WaitForView(_ => true);
        Assert.Single(view.Messages, m => m.Text == "Held past the timeout");

        // Later commands are answered as usual.
        Assert.True((await ukraine.PostMessage(new MessageRequest([], "After the wait"))).Accepted);
        Assert.Equal(["Held past the timeout", "After the wait"], await PostedMessages(server, table.Game.GameId));
    }

    private static async Task<List<string>> PostedMessages(RunningServer server, string gameId)
    {
        var store = server.App.Services.GetRequiredService<IGameStore>();
        return [.. (await store.LoadEvents(gameId, CancellationToken.None)).OfType<MessagePosted>().Select(m => m.Text)];
    }

    /// <summary>The real SQLite store, except that it holds the append of the message <paramref name="text"/> for <paramref name="hold"/> first.</summary>
    private sealed class HeldAppendStore(SqliteGameStore inner, string text, TimeSpan hold) : StoreDecorator(inner)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once the held append is stored.</summary>
        public Task Released => _released.Task;

        public override async Task AppendEvents(string gameId, int expectedVersion, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken)
        {
            var held = events.Any(e => e is MessagePosted m && m.Text == text);
            if (held)
                await Task.Delay(hold, CancellationToken.None);
            await base.AppendEvents(gameId, expectedVersion, events, cancellationToken);
            if (held)
                _released.TrySetResult();
        }
    }

    /// <summary>The real SQLite store, except that recording a pending deadline fails while <see cref="Failing"/>.</summary>
    private sealed class FlakyDeadlineStore(SqliteGameStore inner) : StoreDecorator(inner)
    {
        public volatile bool Failing;

        public override Task SetPendingDeadline(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
            Failing ? throw new InvalidOperationException("The disk is full.") : base.SetPendingDeadline(gameId, deadline, cancellationToken);
    }
}
