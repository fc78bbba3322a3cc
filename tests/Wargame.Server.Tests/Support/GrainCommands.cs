using Wargame.Domain.Game;
using Wargame.Server.Games;

namespace Wargame.Server.Tests.Support;

internal static class GrainCommands
{
    /// <summary>A command as the hub sends it, with a start-by time a minute away (grain tests call the game directly).</summary>
    public static Task<CommandResult> Execute(this IGameGrain game, GameCommand command) =>
        game.Execute(command, DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
}
