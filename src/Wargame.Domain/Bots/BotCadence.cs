using Wargame.Domain.Game;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Bots;

/// <summary>
/// When bots act: after anything changes, every bot role in role order issues what <see cref="BotPolicy"/> decides
/// from the game as it is then, and rounds repeat until one in which no bot command was accepted (at most
/// <see cref="MaxRounds"/>). The server plays its bot seats with it after every command; the simulator after every
/// phase, so the Monte Carlo calibrates the bots the server plays.
/// </summary>
public static class BotCadence
{
    /// <summary>A bound on rounds, so bots answering each other cannot loop; the policies settle within two or three.</summary>
    public const int MaxRounds = 8;

    /// <summary>
    /// Plays one settling of the bots: <paramref name="current"/> reads the game as it is, <paramref name="issue"/>
    /// applies a command and says whether the rules accepted it.
    /// </summary>
    public static async ValueTask Play(IReadOnlyCollection<Role> bots, Func<ValueTask<GameState>> current, Func<GameCommand, ValueTask<bool>> issue)
    {
        if (bots.Count == 0)
            return;
        var order = bots.Order().ToArray();
        for (var round = 0; round < MaxRounds; round++)
        {
            var acted = false;
            foreach (var role in order)
            {
                foreach (var command in BotPolicy.Decide(await current(), role))
                    acted |= await issue(command);
            }
            if (!acted)
                return;
        }
    }

    /// <summary>The same settling for a caller that holds the game in memory (the simulator, tests).</summary>
    public static void Play(IReadOnlyCollection<Role> bots, Func<GameState> current, Func<GameCommand, bool> issue)
    {
        var settling = Play(bots, () => ValueTask.FromResult(current()), command => ValueTask.FromResult(issue(command)));
        // Every callback completes at once, so the settling has completed too.
        if (!settling.IsCompleted)
            throw new InvalidOperationException("A settling of in-memory callbacks did not complete synchronously.");
        settling.GetAwaiter().GetResult();
    }
}
