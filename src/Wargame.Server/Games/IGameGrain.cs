using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;

namespace Wargame.Server.Games;

/// <summary>
/// One live game, reached only through this seam (an Orleans grain could implement it later). Calls are
/// handled strictly one at a time per game; the caller's identity is already in each command's Actor.
/// </summary>
internal interface IGameGrain
{
    string GameId { get; }

    /// <summary>Decide, append with the expected version, evolve, push every audience its view. Stamps the server's time on a ClockedCommand.</summary>
    Task<CommandResult> Execute(GameCommand command);

    /// <summary>Adds a connection to its audience's pushes and sends it the current view, in order with every push.</summary>
    Task Attach(string connectionId, Audience audience);

    Task<GameView> View(Audience audience);

    /// <summary>Sends every connection of the game the current seat list.</summary>
    Task PublishSeats();
}
