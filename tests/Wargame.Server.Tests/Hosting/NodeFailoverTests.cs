using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

/// <summary>Two nodes on one PostgreSQL behind a proxy; the node serving a game under load is killed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NodeFailoverTests(PostgresServer postgres)
{
    [Fact]
    public async Task ANodeKilledUnderLoad_LosesNoAcknowledgedCommand_AndTheOtherNodeCarriesOnTheGame()
    {
        string[] settings = ["--Wargame:Store", "Postgres", "--Wargame:PostgresConnectionString", await postgres.CreateDatabase()];
        var directoryA = RunningServer.NewDataDirectory();
        var directoryB = RunningServer.NewDataDirectory();
        var (portA, portB) = (ChildServer.FreePort(), ChildServer.FreePort());
        var clients = new List<GameClient>();
        try
        {
            await using var nodeA = await ChildServer.Start(directoryA, portA, settings);
            await using var nodeB = await ChildServer.Start(directoryB, portB, settings);
            await using var proxy = new FailoverProxy(portA);
            using var http = new HttpClient { BaseAddress = new Uri(proxy.Address), Timeout = RunningServer.Timeout };
            var game = (await (await http.PostAsJsonAsync("/api/games", new { scenario = "test-ceasefire", seed = 9 })).Content.ReadFromJsonAsync<CreatedGame>(GameJson.Options))!;

            foreach (var role in RoleSet.All)
            {
                var client = await GameClient.Connect(proxy.Address);
                clients.Add(client);
                var seat = await client.JoinWithCode(game.JoinCodes[role], $"{role} player");
                client.ResumeOnReconnect(seat.SeatToken);
            }

            var acknowledged = new ConcurrentDictionary<int, string>();
            using var stop = new CancellationTokenSource();
            var writers = clients.Select((client, i) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    try
                    {
                        var text = $"client {i} message {n}";
                        var result = await client.Connection.InvokeAsync<CommandResult>("PostMessage", new MessageRequest([], text), stop.Token);
                        if (result.Accepted)
                            acknowledged[result.Version] = text;
                    }
                    catch (Exception)
                    {
                        return;
                    }
                }
            })).ToList();
            while (acknowledged.Count < 40)
                await Task.Delay(20).WaitAsync(RunningServer.Timeout);
            proxy.SwitchTo(portB);
            await nodeA.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(RunningServer.Timeout);

            foreach (var client in clients)
                await client.WaitForView(_ => client.Resumed is not null);
            var after = await clients[1].Invoke<CommandResult>("PostMessage", new MessageRequest([], "served by node B"));
            Assert.True(after.Accepted, after.Message);

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{game.GameId}/export");
            request.Headers.Add("X-Facilitator-Key", game.FacilitatorKey);
            var saved = (await (await http.SendAsync(request)).Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!;
            var lost = acknowledged.Count(a => saved.Events.ElementAtOrDefault(a.Key - 1) is not MessagePosted m || m.Text != a.Value);
            Assert.Equal(0, lost);
            Assert.Equal(after.Version, saved.Events.Length);
            foreach (var client in clients)
                Assert.Equal("served by node B", (await client.WaitForView(v => v.Version == after.Version)).Messages[^1].Text);
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
            RunningServer.DeleteDirectory(directoryA);
            RunningServer.DeleteDirectory(directoryB);
        }
    }
}
