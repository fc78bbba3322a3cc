using System.Buffers.Text;
using Microsoft.AspNetCore.SignalR;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>Seats, secrets and bad input at the hub.</summary>
public sealed class HubSecurityTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start(settings: ["--Wargame:FailedJoinsPerMinute", "3"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WrongCodes_AreRefusedClearly_AndAfterTheLimitEvenARightCodeWaits()
    {
        var game = await _server.CreateGame();
        var client = await _server.Connect();
        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => client.JoinWithCode($"WRONG-{i}XYZ", "Guesser"));
            Assert.Contains("unknown-code", refused.Message);
        }
        var blocked = await Assert.ThrowsAsync<HubException>(() => client.JoinWithCode(game.JoinCodes[Role.UA], "Guesser"));
        Assert.Contains("too-many-attempts", blocked.Message);
    }

    [Fact]
    public async Task AJoinCode_WorksInLowerCaseAndWithoutItsDash()
    {
        var game = await _server.CreateGame();
        var client = await _server.Connect();
        var joined = await client.JoinWithCode(game.JoinCodes[Role.EU].Replace("-", "").ToLowerInvariant(), "Anna");
        Assert.Equal(Audience.Of(Role.EU), joined.Audience);
    }

    [Fact]
    public async Task KeysAndTokens_CarryAtLeast128RandomBits_AndCodesAreShort()
    {
        var game = await _server.CreateGame();
        var joined = await (await _server.Connect()).JoinWithCode(game.ObserverCode, "Observer");

        Assert.True(Base64Url.DecodeFromChars(game.FacilitatorKey.AsSpan("fk_".Length)).Length >= 16);
        Assert.True(Base64Url.DecodeFromChars(joined.SeatToken.AsSpan("st_".Length)).Length >= 16);
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", game.ObserverCode);
        Assert.Equal(5, game.JoinCodes.Values.Append(game.ObserverCode).Distinct().Count());
    }

    [Fact]
    public async Task SeveralSeatsShareARole_AndAReconnectInANewTabResumesTheSameSeat()
    {
        var game = await _server.CreateGame();
        var first = await _server.Connect();
        var second = await _server.Connect();
        var olena = await first.JoinWithCode(game.JoinCodes[Role.UA], "Olena");
        var taras = await second.JoinWithCode(game.JoinCodes[Role.UA], "Taras");
        Assert.NotEqual(olena.SeatId, taras.SeatId);

        var posted = await first.PostMessage(new MessageRequest([], "Both of us see this"));
        await second.WaitForView(v => v.Version == posted.Version);

        await first.DisposeAsync();
        var seats = await second.WaitForSeats(s => s.Count == 2 && !s.Single(x => x.SeatId == olena.SeatId).Connected);
        Assert.True(seats.Single(x => x.SeatId == taras.SeatId).Connected);

        var newTab = await _server.Connect();
        var resumed = await newTab.Resume(olena.SeatToken);
        Assert.Equal((olena.SeatId, olena.Audience, "Olena"), (resumed.SeatId, resumed.Audience, resumed.DisplayName));
        var view = await newTab.WaitForView(v => v.Version == posted.Version);
        Assert.Equal(Role.UA, Assert.Single(view.PrivateRecords).Role);
        await second.WaitForSeats(s => s.Single(x => x.SeatId == olena.SeatId).Connected);
    }

    [Fact]
    public async Task AConnectionHoldsOneSeat_ASecondJoinIsRefused()
    {
        var game = await _server.CreateGame();
        var client = await _server.Connect();
        await client.JoinWithCode(game.JoinCodes[Role.US], "Sam");
        var refused = await Assert.ThrowsAsync<HubException>(() => client.JoinWithCode(game.JoinCodes[Role.RU], "Sam"));
        Assert.Contains("already-seated", refused.Message);
        Assert.Equal(Role.US, Assert.Single((await client.WaitForView(_ => true)).PrivateRecords).Role);
    }

    [Fact]
    public async Task AReleasedSeat_CanNeitherActNorBeResumed()
    {
        var table = await Table.Seat(_server);
        var released = await table.Facilitate(f => f.ReleaseSeat(table.Seats[Role.RU].SeatId));

        var refused = await table.Players[Role.RU].PostMessage(new MessageRequest([], "Still here?"));
        Assert.Equal("seat-released", refused.Code);
        var retry = await _server.Connect();
        var error = await Assert.ThrowsAsync<HubException>(() => retry.Resume(table.Seats[Role.RU].SeatToken));
        Assert.Contains("unknown-seat", error.Message);
        var seats = await table.Facilitator.WaitForSeats(s => s.All(x => x.SeatId != table.Seats[Role.RU].SeatId));
        Assert.Equal(5, seats.Count);
        Assert.Equal("unknown-seat", (await table.Facilitator.ReleaseSeat("s_nosuchseat")).Code);
    }

    [Fact]
    public async Task UnknownMethods_WrongArgumentTypes_AndOversizedMessages_GetClearErrors_AndLeaveTheGameUntouched()
    {
        var table = await Table.Seat(_server);
        await table.AdvanceTo(Phase.Orders);
        var before = table.Facilitator.LastView!.Version;
        var russia = table.Players[Role.RU];

        var unknown = await Assert.ThrowsAsync<HubException>(() => russia.Invoke<CommandResult>("LaunchMissiles", 3));
        Assert.Equal("Failed to invoke 'LaunchMissiles' due to an error on the server. HubException: Method does not exist.", unknown.Message);

        var wrongType = await Assert.ThrowsAsync<HubException>(() => russia.Invoke<CommandResult>(nameof(GameHub.SubmitOrders), "major offensive"));
        Assert.Contains("Error binding arguments", wrongType.Message);

        var wrongKind = await Assert.ThrowsAsync<HubException>(() => russia.Invoke<CommandResult>(nameof(GameHub.SubmitOrders), new { kind = "nuclear", posture = "Comply" }));
        Assert.Contains("Error binding arguments", wrongKind.Message);

        var missing = await russia.Invoke<CommandResult>(nameof(GameHub.SubmitOrders), [null]);
        Assert.Equal("missing-argument", missing.Code);

        var wrongRole = await russia.SubmitOrders(new UkraineOrders(UkrainePosture.CounterAttack, Mobilise: true));
        Assert.Equal("wrong-orders-kind", wrongRole.Code);

        // Nothing was applied: the facilitator sees the same version and no orders.
        var probe = await table.Facilitator.PostMessage(new MessageRequest([], ""));
        Assert.Equal(("empty-message", before), (probe.Code, probe.Version));
        Assert.All(table.Facilitator.LastView!.Orders, o => Assert.Null(o.Submitted));

        // An oversized message closes only the sender's connection, with the reason.
        var closed = new TaskCompletionSource<Exception?>();
        russia.Connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        russia.Connection.Reconnecting += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() => russia.PostMessage(new MessageRequest([], new string('x', 40_000))));
        var reason = await closed.Task.WaitAsync(RunningServer.Timeout);
        Assert.Contains("maximum message size", reason?.Message ?? "", StringComparison.OrdinalIgnoreCase);

        var after = await table.Facilitator.PostMessage(new MessageRequest([], "Still running"));
        Assert.Equal(before + 1, after.Version);
    }

    [Fact]
    public async Task AMalformedFrame_ClosesOnlyThatConnectionWithTheReason_AndTheGamePlaysOn()
    {
        var table = await Table.Seat(_server);
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(_server.Address.Replace("http", "ws", StringComparison.Ordinal) + "/hubs/game"), CancellationToken.None).WaitAsync(RunningServer.Timeout);
        await Send(socket, "{\"protocol\":\"json\",\"version\":1}\u001e");
        Assert.Equal("{}\u001e", await Receive(socket));
        await Send(socket, "{\"type\":1,\"target\":\"PostMessage\",\"arguments\":[{\"to\":\u001e");

        var close = await Receive(socket);
        Assert.Contains("\"type\":7", close);
        Assert.Contains("error", close);

        var after = await table.Players[Role.EU].PostMessage(new MessageRequest([], "Still here"));
        Assert.Equal((true, 2), (after.Accepted, after.Version));
    }

    private static Task Send(System.Net.WebSockets.ClientWebSocket socket, string text) =>
        socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(RunningServer.Timeout);

    private static async Task<string> Receive(System.Net.WebSockets.ClientWebSocket socket)
    {
        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(RunningServer.Timeout);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    [Fact]
    public async Task SecretsAreNeverWrittenToTheLog()
    {
        await using var server = await RunningServer.Start(settings: ["--Serilog:MinimumLevel:Default", "Verbose", "--Serilog:MinimumLevel:Override:Microsoft", "Verbose"]);
        var table = await Table.Seat(server);
        await table.Facilitate(f => f.AdvancePhase());
        var wrong = await server.Connect();
        await Assert.ThrowsAsync<HubException>(() => wrong.JoinAsFacilitator(table.Game.GameId, "fk_wrong-key-typed-by-someone"));
        await server.Stop();

        var log = string.Join("\n", Directory.GetFiles(Path.Combine(server.DataDirectory, "logs")).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));
        Assert.Contains(table.Game.GameId, log);
        string[] secrets = [table.Game.FacilitatorKey, "fk_wrong-key-typed-by-someone", .. table.Seats.Values.Select(s => s.SeatToken), .. table.Game.JoinCodes.Values, table.Game.ObserverCode];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, log);
            Assert.DoesNotContain(secret.Replace("-", ""), log);
        }
    }
}
