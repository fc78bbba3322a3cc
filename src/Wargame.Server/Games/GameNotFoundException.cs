namespace Wargame.Server.Games;

/// <summary>A call reached a game id the store has no log for.</summary>
[GenerateSerializer]
internal sealed class GameNotFoundException(string gameId) : Exception($"There is no game {gameId}.")
{
    [Id(0)]
    public string GameId { get; } = gameId;
}
