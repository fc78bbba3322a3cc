using Wargame.Domain.Roles;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>Two server nodes on one PostgreSQL database, both holding an activation of the same game.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodeTests(PostgresServer postgres)
{
    [Fact]
    public async Task ANodeWhoseActorIsBehind_ReloadsOnTheConflict_AndAppliesTheCommandOnTopOfTheOther()
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

        Assert.Equal(2, (await ukraine.Invoke<CommandResult>("PostMessage", new MessageRequest([], "from node A"))).Version);
        var fromB = await russia.Invoke<CommandResult>("PostMessage", new MessageRequest([], "from node B"));
        Assert.True(fromB.Accepted, fromB.Message);
        Assert.Equal(3, fromB.Version);
        var again = await ukraine.Invoke<CommandResult>("PostMessage", new MessageRequest([], "node A again"));
        Assert.Equal(4, again.Version);

        var view = await russia.WaitForView(v => v.Version == 3);
        Assert.Equal(["from node A", "from node B"], view.Messages.Select(m => m.Text));
        var latest = await ukraine.WaitForView(v => v.Version == 4);
        Assert.Equal(["from node A", "from node B", "node A again"], latest.Messages.Select(m => m.Text));
    }
}
