using System.Collections.Immutable;
using System.Data.Common;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Server.Storage;

namespace Wargame.Server.Games;

/// <summary>What the facilitator receives once, when a game is created, imported or forked. Codes are shown as "ABCD-EFGH".</summary>
public sealed record CreatedGame(string GameId, string FacilitatorKey, ImmutableSortedDictionary<Role, string> JoinCodes, string ObserverCode);

/// <summary>Registers new games: a fresh log (create), a saved log (import) or a prefix of another game's log (fork).</summary>
internal sealed class GameCreation(IGameStore store, GameClock clock, ILogger<GameCreation> logger)
{
    private const int Attempts = 3;

    /// <summary>
    /// Registers a game whose log is <paramref name="events"/> (already checked to replay). With an existing
    /// facilitator key the game joins that facilitator's list; otherwise a new key is issued.
    /// </summary>
    public async Task<CreatedGame> Register(IReadOnlyList<GameEvent> events, string scenarioId, string? existingFacilitatorKey)
    {
        var key = existingFacilitatorKey ?? Secrets.NewFacilitatorKey();
        for (var attempt = 1; ; attempt++)
        {
            var gameId = Secrets.NewGameId();
            var codes = RoleSet.All.Select(r => new JoinCode(Secrets.NewJoinCode(), gameId, Audience.Of(r)))
                .Append(new JoinCode(Secrets.NewJoinCode(), gameId, Audience.Public))
                .ToList();
            try
            {
                await store.CreateGame(new GameRecord(gameId, scenarioId, Secrets.Hash(key), clock.Time.GetUtcNow()), codes, events, CancellationToken.None);
            }
            catch (DbException e) when (attempt < Attempts)
            {
                // A fresh code collided with an existing one (about one in 10^12): draw new ones.
                logger.LogWarning(e, "Registering a game collided; drawing new codes");
                continue;
            }
            logger.LogInformation("Created game {GameId} from scenario {ScenarioId} with {Events} events", gameId, scenarioId, events.Count);
            return new CreatedGame(
                gameId,
                key,
                codes.Where(c => c.Audience.Role is not null).ToImmutableSortedDictionary(c => c.Audience.Role!.Value, c => Secrets.DisplayCode(c.Code)),
                Secrets.DisplayCode(codes.Single(c => c.Audience.Kind == AudienceKind.Public).Code));
        }
    }
}
