using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Roles;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>Two server nodes on one PostgreSQL database form one Orleans cluster through its membership table.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodeTests(PostgresServer postgres)
{
    [Fact]
    public async Task TwoNodesOnOneDatabase_HoldOneActivationOfAGame_AndEachNodesConnectionsReceiveItsPushes()
    {
        var database = await postgres.CreateDatabase();
        string[] settings = ["--Wargame:Store", "Postgres", "--Wargame:PostgresConnectionString", database];
        await using var nodeA = await RunningServer.Start(settings: settings);
        await using var nodeB = await RunningServer.Start(settings: settings);
        var game = await nodeA.CreateGame();

        var ukraine = await nodeA.Connect();
        await ukraine.JoinWithCode(game.JoinCodes[Role.UA], "Olena");
        var russia = await nodeB.Connect();
        await russia.JoinWithCode(game.JoinCodes[Role.RU], "Ivan");
        await russia.WaitForView(v => v.Version == 1);

        Assert.Equal(2, (await ukraine.PostMessage(new MessageRequest([], "from node A"))).Version);
        Assert.Equal(3, (await russia.PostMessage(new MessageRequest([], "from node B"))).Version);
        Assert.Equal(4, (await ukraine.PostMessage(new MessageRequest([], "node A again"))).Version);

        var view = await russia.WaitForView(v => v.Version == 4);
        Assert.Equal(["from node A", "from node B", "node A again"], view.Messages.Select(m => m.Text));
        var latest = await ukraine.WaitForView(v => v.Version == 4);
        Assert.Equal(view.Messages.Select(m => m.Text), latest.Messages.Select(m => m.Text));
        var seats = await ukraine.WaitForSeats(s => s.Count == 2 && s.All(x => x.Connected));
        Assert.Equal([Audience.Of(Role.UA), Audience.Of(Role.RU)], seats.Select(s => s.Audience));
        Assert.Equal(1, Live(nodeA) + Live(nodeB));
    }

    private static int Live(RunningServer node) => node.App.Services.GetRequiredService<LiveGames>().Count;
}
