using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Server.Hubs;
using Wargame.Server.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>
/// What one game can cost the server: every seat's calls are limited (the facilitator's and the observers' too), the
/// seats of one audience share a budget, REST operations on a game's key and facilitator joins are counted, and a
/// refused call is answered without asking the game.
/// </summary>
public sealed class GameBudgetTests
{
    private const string KeyHeader = "X-Facilitator-Key";

    [Fact]
    public async Task TheFacilitatorsSeat_IsLimitedInCommandsMessagesAndSeatManagement_WhilePlayersPlayOn()
    {
        await using var server = await RunningServer.Start(settings: [
            "--Wargame:FacilitatorCallBurst", "4", "--Wargame:FacilitatorCallsPerMinute", "1",
            "--Wargame:FacilitatorMessageBurst", "2", "--Wargame:FacilitatorMessagesPerMinute", "1"]);
        var table = await Table.Seat(server);
        var facilitator = table.Facilitator;

        var messages = new List<string?>();
        for (var i = 0; i < 3; i++)
            messages.Add((await facilitator.PostMessage(new MessageRequest([], $"Announcement {i}"))).Code);
        Assert.Equal([null, null, "rate-limited"], messages);
        // Three calls so far; one more is let through, then commands and seat management alike are refused.
        Assert.True((await facilitator.AddNote(1, "Note")).Accepted);
        Assert.Equal("rate-limited", (await facilitator.AdvancePhase()).Code);
        Assert.Equal("rate-limited", (await facilitator.AssignBot(Role.RU)).Code);
        Assert.Equal("rate-limited", (await facilitator.ReleaseSeat(table.Seats[Role.RU].SeatId)).Code);
        Assert.Equal("rate-limited", (await facilitator.Resync()).Code);

        Assert.True((await table.Players[Role.UA].PostMessage(new MessageRequest([], "Still heard"))).Accepted);
        var view = await table.Observer.WaitForView(v => v.MessageCount == 3);
        Assert.Equal(["Announcement 0", "Announcement 1", "Still heard"], view.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task SeatsOfOneRole_ShareTheirAudiencesBudget_WhileAnotherRoleKeepsItsOwn()
    {
        await using var server = await RunningServer.Start(settings: [
            "--Wargame:AudienceCallBurst", "5", "--Wargame:AudienceCallsPerMinute", "1",
            "--Wargame:AudienceMessageBurst", "3", "--Wargame:AudienceMessagesPerMinute", "1"]);
        var table = await Table.Seat(server);
        var ukraine = new List<GameClient> { table.Players[Role.UA] };
        for (var i = 0; i < 2; i++)
        {
            var seat = await server.Connect();
            await seat.JoinWithCode(table.Game.JoinCodes[Role.UA], $"Ukrainian aide {i}");
            ukraine.Add(seat);
        }

        // Each seat is far inside its own limits (30 calls, 10 messages); together they spend Ukraine's.
        var messages = new List<string?>();
        for (var i = 0; i < ukraine.Count; i++)
            messages.Add((await ukraine[i].PostMessage(new MessageRequest([], $"From Ukrainian seat {i}"))).Code);
        messages.Add((await ukraine[0].PostMessage(new MessageRequest([], "One too many"))).Code);
        Assert.Equal([null, null, null, "rate-limited"], messages);
        // Four calls spent of five; the fifth goes through, the sixth from any Ukrainian seat is refused.
        Assert.Equal("unknown-proposal", (await ukraine[1].RespondToProposal(424242, ProposalResponse.Accept)).Code);
        foreach (var seat in ukraine)
            Assert.Equal("rate-limited", (await seat.RespondToProposal(424242, ProposalResponse.Accept)).Code);

        // Russia's budget is its own: it cannot tell from its answers how busy Ukraine's seats are.
        for (var i = 0; i < 5; i++)
            Assert.Equal("unknown-proposal", (await table.Players[Role.RU].RespondToProposal(424242, ProposalResponse.Accept)).Code);
        Assert.Equal("rate-limited", (await table.Players[Role.RU].RespondToProposal(424242, ProposalResponse.Accept)).Code);
    }

    [Fact]
    public async Task AnObserversPagesAndResyncs_AreLimitedLikeAPlayersCalls()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:CommandBurst", "3", "--Wargame:CommandsPerSeatPerMinute", "1"]);
        var table = await Table.Seat(server);
        var observer = table.Observer;

        for (var i = 0; i < 2; i++)
            Assert.Empty((await observer.OlderMessages([], 1_000_000)).Messages);
        Assert.True((await observer.Resync()).Accepted);
        var page = await Assert.ThrowsAsync<HubException>(() => observer.OlderMessages([], 1_000_000));
        Assert.Contains("rate-limited: Your seat is sending pages too fast", page.Message);
        Assert.Equal("rate-limited", (await observer.Resync()).Code);
        Assert.Equal("rate-limited", (await observer.PostMessage(new MessageRequest([], "Observer speaks"))).Code);
    }

    [Fact]
    public async Task ResumingASeat_AndJoiningAsTheFacilitator_AreCountedAgainstTheirLimits()
    {
        await using var server = await RunningServer.Start(settings: [
            "--Wargame:CommandBurst", "2", "--Wargame:CommandsPerSeatPerMinute", "1", "--Wargame:JoinsPerCodePerMinute", "2"]);
        var game = await server.CreateGame();
        var seated = await (await server.Connect()).JoinWithCode(game.JoinCodes[Role.RU], "Ivan");

        for (var i = 0; i < 2; i++)
            Assert.Equal(seated.SeatId, (await (await server.Connect()).Resume(seated.SeatToken)).SeatId);
        var resume = await Assert.ThrowsAsync<HubException>(async () => await (await server.Connect()).Resume(seated.SeatToken));
        Assert.Contains("rate-limited", resume.Message);

        for (var i = 0; i < 2; i++)
            await (await server.Connect()).JoinAsFacilitator(game.GameId, game.FacilitatorKey);
        var facilitator = await Assert.ThrowsAsync<HubException>(async () => await (await server.Connect()).JoinAsFacilitator(game.GameId, game.FacilitatorKey));
        Assert.Contains("too-many-joins", facilitator.Message);
        // Another game's facilitator joins as usual.
        var other = await server.CreateGame();
        Assert.Equal(Audience.Facilitator, (await (await server.Connect()).JoinAsFacilitator(other.GameId, other.FacilitatorKey)).Audience);
    }

    [Fact]
    public async Task RotatingJoinCodes_SpendsTheGamesFacilitatorBudget()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:AudienceCallBurst", "3", "--Wargame:AudienceCallsPerMinute", "1"]);
        // (The seats' own buckets are far larger: what runs out below is the facilitator audience's shared budget.)
        var game = await server.CreateGame();
        var facilitator = await server.Connect();
        await facilitator.JoinAsFacilitator(game.GameId, game.FacilitatorKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await Rotate(server, game.GameId, "public", game.FacilitatorKey)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The hub's facilitator seat shares the budget the rotations spent.
        Assert.Equal("rate-limited", (await facilitator.AddNote(1, "Note")).Code);
        // A key that is not the game's is refused as before and spends nothing.
        var other = await server.CreateGame();
        Assert.Equal(HttpStatusCode.Forbidden, (await Rotate(server, game.GameId, "public", other.FacilitatorKey)).StatusCode);
    }

    [Fact]
    public async Task ARateLimitedCall_IsAnsweredWithoutAskingTheGame_AndAFloodLogsOneLine()
    {
        var directory = RunningServer.NewDataDirectory();
        try
        {
            var store = new HeldAppendStore(new SqliteGameStore(Path.Combine(directory, "wargame.db")));
            await using (var server = await RunningServer.Start(directory, services: s => s.AddSingleton<IGameStore>(store),
                settings: ["--Wargame:CommandBurst", "2", "--Wargame:CommandsPerSeatPerMinute", "1", "--Serilog:MinimumLevel:Default", "Information"]))
            {
                var table = await Table.Seat(server);
                var russia = table.Players[Role.RU];
                for (var i = 0; i < 2; i++)
                    Assert.Equal("unknown-proposal", (await russia.RespondToProposal(424242, ProposalResponse.Accept)).Code);

                // The game is stuck inside Ukraine's command (its append is held), so anything that asks it waits.
                store.Hold();
                var held = table.Players[Role.UA].PostMessage(new MessageRequest([], "Held"));
                await store.Holding.WaitAsync(RunningServer.Timeout);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < 50; i++)
                    Assert.Equal("rate-limited", (await russia.RespondToProposal(424242, ProposalResponse.Accept)).Code);
                var page = await Assert.ThrowsAsync<HubException>(() => russia.OlderMessages([], 1_000_000));
                Assert.Contains("rate-limited", page.Message);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"51 refusals took {clock.Elapsed}");
                Assert.False(held.IsCompleted);
                store.Release();
                Assert.True((await held.WaitAsync(RunningServer.Timeout)).Accepted);
                await server.Stop();
            }
            var lines = Directory.GetFiles(Path.Combine(directory, "logs")).SelectMany(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(stream).ReadToEnd().Split('\n');
            }).ToList();
            var refusals = lines.Where(l => l.Contains("refused: rate-limited", StringComparison.Ordinal)).ToList();
            Assert.True(refusals.Count == 1, string.Join("\n", refusals));
        }
        finally
        {
            RunningServer.DeleteDirectory(directory);
        }
    }

    private static async Task<HttpResponseMessage> Rotate(RunningServer server, string gameId, string audience, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/games/{gameId}/codes/{audience}/rotate");
        request.Headers.Add(KeyHeader, key);
        return await server.Http.SendAsync(request);
    }

    /// <summary>The real SQLite store, except that an append waits while held, keeping its game busy.</summary>
    private sealed class HeldAppendStore(SqliteGameStore inner) : StoreDecorator(inner)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _held;

        public SemaphoreSlim Holding { get; } = new(0);

        public void Hold() => _held = true;

        public void Release() => _released.TrySetResult();

        public override async Task AppendEvents(string gameId, int expectedVersion, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken)
        {
            if (_held)
            {
                Holding.Release();
                await _released.Task.WaitAsync(RunningServer.Timeout, cancellationToken);
            }
            await base.AppendEvents(gameId, expectedVersion, events, cancellationToken);
        }
    }
}
