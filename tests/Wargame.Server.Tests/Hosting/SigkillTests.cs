using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Server.Api;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

public sealed class SigkillTests
{
    [Fact]
    public async Task AServerKilledMidGame_KeepsEveryAcknowledgedCommand_AndClientsResumeTheirSeats()
    {
        var directory = RunningServer.NewDataDirectory();
        var port = ChildServer.FreePort();
        var address = $"http://127.0.0.1:{port}";
        var clients = new List<GameClient>();
        try
        {
            await using var server = await ChildServer.Start(directory, port);
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = RunningServer.Timeout };
            var created = await http.PostAsJsonAsync("/api/games", new { scenario = "test-ceasefire", seed = 3 });
            var game = (await created.Content.ReadFromJsonAsync<CreatedGame>(GameJson.Options))!;

            var seats = new Dictionary<Role, JoinResult>();
            foreach (var role in RoleSet.All)
            {
                var client = await GameClient.Connect(address);
                clients.Add(client);
                seats[role] = await client.JoinWithCode(game.JoinCodes[role], $"{role} player");
                client.ResumeOnReconnect(seats[role].SeatToken);
            }

            // Every player posts as fast as it can; the server is killed once enough commands were acknowledged.
            var acknowledged = new ConcurrentDictionary<int, string>();
            using var stop = new CancellationTokenSource();
            var writers = clients.Select((client, i) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var text = $"client {i} message {n}";
                    try
                    {
                        var result = await client.Connection.InvokeAsync<CommandResult>(nameof(GameHub.PostMessage), new MessageRequest([], text), stop.Token);
                        if (result.Accepted)
                            acknowledged[result.Version] = text;
                    }
                    catch (Exception)
                    {
                        return; // The connection died with the server: this command was never acknowledged.
                    }
                }
            })).ToList();
            using (var enough = new CancellationTokenSource(RunningServer.Timeout))
            {
                while (acknowledged.Count < 40)
                    await Task.Delay(20, enough.Token);
            }
            await server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(RunningServer.Timeout);

            await using var restarted = await ChildServer.Start(directory, port);
            foreach (var (client, role) in clients.Zip(RoleSet.All))
            {
                await client.WaitForView(_ => client.Resumed is not null);
                Assert.Equal(seats[role].SeatId, client.Resumed!.SeatId);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{game.GameId}/export");
            request.Headers.Add("X-Facilitator-Key", game.FacilitatorKey);
            var saved = (await (await http.SendAsync(request)).Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!;
            foreach (var (version, text) in acknowledged)
                Assert.Equal(text, Assert.IsType<MessagePosted>(saved.Events[version - 1]).Text);

            var after = await clients[0].PostMessage(new MessageRequest([], "after the crash"));
            Assert.Equal(saved.Events.Length + 1, after.Version);
            var view = await clients[3].WaitForView(v => v.Version == after.Version);
            Assert.Equal("after the crash", view.Messages[^1].Text);
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
            RunningServer.DeleteDirectory(directory);
        }
    }

    /// <summary>
    /// Group commit under a kill: many games append at once (their commands share transactions), the process is
    /// killed mid-stream; afterwards every acknowledged command is in its game's log at its version, and every logged
    /// command is whole and one that was sent (a command acknowledged only after its commit, none half-written).
    /// </summary>
    [Fact]
    public async Task AServerKilledWhileManyGamesAppend_KeepsEveryAcknowledgedCommand_AndNoHalfWrittenOne()
    {
        const int Games = 16;
        var directory = RunningServer.NewDataDirectory();
        var port = ChildServer.FreePort();
        var address = $"http://127.0.0.1:{port}";
        var clients = new List<GameClient>();
        try
        {
            // Each facilitator posts as fast as it can and the log must hold its messages in order, so no rate limit
            // may refuse one in between (the limits are not what this test is about).
            await using var server = await ChildServer.Start(directory, port, RateLimitSettings.FacilitatorAndAudiencesLifted);
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = RunningServer.Timeout };
            var games = new List<CreatedGame>();
            for (var g = 0; g < Games; g++)
            {
                var created = await http.PostAsJsonAsync("/api/games", new { scenario = "test-ceasefire", seed = g });
                games.Add((await created.Content.ReadFromJsonAsync<CreatedGame>(GameJson.Options))!);
                var client = await GameClient.Connect(address);
                clients.Add(client);
                await client.JoinAsFacilitator(games[^1].GameId, games[^1].FacilitatorKey);
            }

            var sent = new ConcurrentDictionary<string, bool>();
            var acknowledged = new ConcurrentDictionary<(int Game, int Version), string>();
            using var stop = new CancellationTokenSource();
            var writers = clients.Select((client, g) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var text = $"game {g} message {n}";
                    sent[text] = true;
                    try
                    {
                        var result = await client.Connection.InvokeAsync<CommandResult>("PostMessage", new MessageRequest([], text), stop.Token);
                        if (result.Accepted)
                            acknowledged[(g, result.Version)] = text;
                    }
                    catch (Exception)
                    {
                        return; // The connection died with the server: this command was never acknowledged.
                    }
                }
            })).ToList();
            while (acknowledged.Count < 20 * Games)
                await Task.Delay(20).WaitAsync(RunningServer.Timeout);
            await server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(RunningServer.Timeout);

            await using var restarted = await ChildServer.Start(directory, port);
            for (var g = 0; g < Games; g++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{games[g].GameId}/export");
                request.Headers.Add("X-Facilitator-Key", games[g].FacilitatorKey);
                var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var saved = (await response.Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!;
                foreach (var ((_, version), text) in acknowledged.Where(a => a.Key.Game == g))
                    Assert.Equal(text, Assert.IsType<MessagePosted>(saved.Events[version - 1]).Text);
                // Every command in the log was sent by this game's writer, in order, whole; the log replays.
                var logged = saved.Events.OfType<MessagePosted>().Select(m => m.Text).ToList();
                Assert.Equal(Enumerable.Range(0, logged.Count).Select(n => $"game {g} message {n}"), logged);
                Assert.All(logged, text => Assert.True(sent.ContainsKey(text)));
                Assert.Equal(saved.Events.Length, Rules.Replay(saved.Events).Version);
            }
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
            RunningServer.DeleteDirectory(directory);
        }
    }
}
