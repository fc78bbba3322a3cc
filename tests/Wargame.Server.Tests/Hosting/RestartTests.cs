using System.Net;
using System.Net.Http.Json;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Server.Api;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task ServerStoppedBetweenTwoCommands_StartsAgainOnTheSameFile_WithEveryEventAndSeat()
    {
        var directory = RunningServer.NewDataDirectory();
        try
        {
            CreatedGame game;
            JoinResult seat;
            await using (var first = await RunningServer.Start(directory))
            {
                game = await first.CreateGame(seed: 7);
                var ukraine = await first.Connect();
                seat = await ukraine.JoinWithCode(game.JoinCodes[Role.UA], "Olena");
                var posted = await ukraine.PostMessage(new MessageRequest([], "Before the restart"));
                Assert.Equal(new CommandResult(true, null, null, 2), posted);
                await first.Stop();
            }

            await using var second = await RunningServer.Start(directory);
            var resumed = await second.Connect();
            var again = await resumed.Resume(seat.SeatToken);
            Assert.Equal(seat.SeatId, again.SeatId);
            var view = await resumed.WaitForView(v => v.Version == 2);
            Assert.Equal("Before the restart", Assert.Single(view.Messages).Text);
            var posted2 = await resumed.PostMessage(new MessageRequest([], "After the restart"));
            Assert.True(posted2.Accepted);
            Assert.Equal(3, posted2.Version);

            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{game.GameId}/export");
            request.Headers.Add("X-Facilitator-Key", game.FacilitatorKey);
            var response = await second.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var saved = (await response.Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!;
            Assert.Equal(7UL, saved.Seed);
            Assert.Equal("test-ceasefire", saved.Scenario);
            Assert.Collection(saved.Events,
                e => Assert.IsType<GameStarted>(e),
                e => Assert.Equal("Before the restart", Assert.IsType<MessagePosted>(e).Text),
                e => Assert.Equal("After the restart", Assert.IsType<MessagePosted>(e).Text));
        }
        finally
        {
            RunningServer.DeleteDirectory(directory);
        }
    }
}
