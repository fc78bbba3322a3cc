using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Storage;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>The store's (game, sequence) key against a second writer, as a frozen node's stale activation would be.</summary>
public sealed class ConflictTests
{
    [Fact]
    public async Task AnAppendBehindTheGamesBack_IsReloadedOnTheConflict_AndTheCommandAppliesOnTopOfIt()
    {
        await using var server = await RunningServer.Start();
        var game = await server.CreateGame();
        var ukraine = await server.Connect();
        await ukraine.JoinWithCode(game.JoinCodes[Role.UA], "Olena");
        Assert.Equal(2, (await ukraine.PostMessage(new MessageRequest([], "first"))).Version);

        // Another writer appends version 3 while the grain still holds version 2.
        var store = server.App.Services.GetRequiredService<IGameStore>();
        await store.AppendEvents(game.GameId, 2, [new MessagePosted(2, Role.RU, [], "from another writer")], CancellationToken.None);

        var posted = await ukraine.PostMessage(new MessageRequest([], "after the conflict"));
        Assert.Equal((true, 4), (posted.Accepted, posted.Version));
        var view = await ukraine.WaitForView(v => v.Version == 4);
        Assert.Equal(["first", "from another writer", "after the conflict"], view.Messages.Select(m => m.Text));
        var log = await store.LoadEvents(game.GameId, CancellationToken.None);
        Assert.Equal(["first", "from another writer", "after the conflict"], log.OfType<MessagePosted>().Select(m => m.Text));
    }
}
