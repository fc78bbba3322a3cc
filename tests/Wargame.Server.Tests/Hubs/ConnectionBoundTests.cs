using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>
/// What a script that keeps calling past its limits costs: its connection is closed after a bounded number of
/// refusals, and new connections from one address are limited, so it cannot simply open another as fast as it loops.
/// </summary>
public sealed class ConnectionBoundTests
{
    [Fact]
    public async Task AConnectionThatKeepsCallingPastItsLimits_IsClosedByTheServer_WhileOtherRolesPlayOn()
    {
        var directory = RunningServer.NewDataDirectory();
        try
        {
            await using (var server = await RunningServer.Start(directory, settings: [
                "--Wargame:CommandBurst", "2", "--Wargame:CommandsPerSeatPerMinute", "1",
                "--Wargame:RefusedCallsPerConnectionPerMinute", "5", "--Serilog:MinimumLevel:Default", "Information"]))
            {
                var table = await Table.Seat(server);
                var russia = table.Players[Role.RU];
                var lost = ConnectionLost(russia.Connection);

                var codes = new List<string?>();
                for (var i = 0; i < 8; i++)
                    codes.Add((await russia.RespondToProposal(424242, ProposalResponse.Accept)).Code);
                // Two within the seat's burst (the game's own answer), five refused, the sixth refusal closes it.
                Assert.Equal(["unknown-proposal", "unknown-proposal", "rate-limited", "rate-limited", "rate-limited", "rate-limited", "rate-limited", GameHub.ConnectionClosed], codes);
                // Its next call closes it at once, without an answer.
                await Assert.ThrowsAnyAsync<Exception>(() => russia.RespondToProposal(424242, ProposalResponse.Accept));
                await lost.WaitAsync(RunningServer.Timeout);

                // Another role's connection keeps its own count and plays on.
                Assert.True((await table.Players[Role.UA].PostMessage(new MessageRequest([], "Still here"))).Accepted);
                Assert.Equal(HubConnectionState.Connected, table.Players[Role.UA].Connection.State);
                await server.Stop();
            }
            var closed = LogLines(directory).Where(l => l.Contains("refused calls in a minute", StringComparison.Ordinal)).ToList();
            Assert.True(closed.Count == 1, string.Join("\n", closed));
            Assert.Contains("[INF]", closed[0], StringComparison.Ordinal);
        }
        finally
        {
            RunningServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task CallsWithoutASeat_CountAsRefusals_SoAnUnseatedLoopIsClosedToo()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:RefusedCallsPerConnectionPerMinute", "3"]);
        var unseated = await server.Connect();
        var lost = ConnectionLost(unseated.Connection);

        var codes = new List<string?>();
        for (var i = 0; i < 4; i++)
            codes.Add((await unseated.AdvancePhase()).Code);
        Assert.Equal(["not-seated", "not-seated", "not-seated", GameHub.ConnectionClosed], codes);
        // Closed a second after its answer even if it calls no more.
        await lost.WaitAsync(RunningServer.Timeout);
    }

    [Fact]
    public async Task AClosedSeat_ComesBackOnANewConnection_WithItsToken()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:RefusedCallsPerConnectionPerMinute", "2", "--Wargame:JoinsPerCodePerMinute", "100"]);
        var game = await server.CreateGame();
        var first = await server.Connect();
        var seat = await first.JoinWithCode(game.JoinCodes[Role.EU], "Elena");
        var lost = ConnectionLost(first.Connection);
        // A join on a seated connection is refused by the hub, and counts.
        var refused = new List<string>();
        for (var i = 0; i < 3; i++)
            refused.Add(Assert.IsType<HubException>(await Record.ExceptionAsync(() => first.JoinWithCode(game.JoinCodes[Role.EU], "Again"))).Message);
        Assert.All(refused.Take(2), m => Assert.Contains("already-seated", m, StringComparison.Ordinal));
        Assert.Contains($"{GameHub.ConnectionClosed}: This connection made more than 2 refused calls in a minute", refused[2], StringComparison.Ordinal);
        await lost.WaitAsync(RunningServer.Timeout);

        var again = await server.Connect();
        Assert.Equal(seat.SeatId, (await again.Resume(seat.SeatToken)).SeatId);
        Assert.True((await again.PostMessage(new MessageRequest([], "Back"))).Accepted);
    }

    [Fact]
    public async Task NewHubConnections_AreLimitedPerAddress_AndAnUntrustedForwardedForDoesNotBypassIt()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:HubConnectionsPerAddressPerMinute", "3"]);
        var open = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
                open.Add(await Started(server, forwardedFor: null));
            // Each started connection keeps working: its own requests are not new connections.
            var game = await server.CreateGame();
            Assert.Equal(Audience.Public, (await open[0].InvokeAsync<JoinResult>(nameof(GameHub.JoinWithCode), game.ObserverCode, "Watcher")
                .WaitAsync(RunningServer.Timeout)).Audience);

            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Started(server, forwardedFor: "10.9.9.9"));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }
        finally
        {
            foreach (var connection in open)
                await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task BehindATrustedProxy_NewHubConnections_AreLimitedPerClientAddress()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:TrustedProxies:0", "127.0.0.1", "--Wargame:HubConnectionsPerAddressPerMinute", "1"]);
        var open = new List<HubConnection>();
        try
        {
            open.Add(await Started(server, forwardedFor: "10.1.1.1"));
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Started(server, forwardedFor: "10.1.1.1"));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            open.Add(await Started(server, forwardedFor: "10.1.1.2"));
        }
        finally
        {
            foreach (var connection in open)
                await connection.DisposeAsync();
        }
    }

    /// <summary>A connection with negotiation (one counted request) and no automatic reconnect, optionally claiming a forwarded address.</summary>
    private static async Task<HubConnection> Started(RunningServer server, string? forwardedFor)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(server.Address), "/hubs/game"), HttpTransportType.WebSockets, options =>
            {
                if (forwardedFor is not null)
                    options.Headers["X-Forwarded-For"] = forwardedFor;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions = new JsonSerializerOptions(GameJson.Options))
            .Build();
        try
        {
            await connection.StartAsync().WaitAsync(RunningServer.Timeout);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when the server drops the connection (the test client then starts reconnecting, or closes).</summary>
    private static Task ConnectionLost(HubConnection connection)
    {
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnecting += _ => { lost.TrySetResult(); return Task.CompletedTask; };
        connection.Closed += _ => { lost.TrySetResult(); return Task.CompletedTask; };
        return lost.Task;
    }

    private static List<string> LogLines(string directory) => Directory.GetFiles(Path.Combine(directory, "logs")).SelectMany(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }).ToList();
}
