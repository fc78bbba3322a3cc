using System.Collections.Immutable;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Benchmarks;

/// <summary>Games to measure, built from the shipped scenarios with the same bots the server uses.</summary>
internal static class Games
{
    public static Scenario Load(string id)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wargame.sln")))
            dir = dir.Parent;
        var file = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Wargame.sln not found"), "scenarios", id + ".yaml");
        return ScenarioParser.Parse(file, File.ReadAllText(file)).Scenario ?? throw new InvalidOperationException($"{file} is not valid");
    }

    public static GameState Apply(GameState state, GameCommand command, ImmutableArray<GameEvent>.Builder? log = null)
    {
        var applied = Rules.Apply(state, command);
        log?.AddRange(applied.Events);
        return applied.State;
    }

    /// <summary>A four-role game in its orders phase with every role's orders in: the next advance resolves the turn.</summary>
    public static GameState ReadyToResolve(string scenario)
    {
        var state = Rules.Begin(Rules.Start(Load(scenario), 42));
        while (state.Phase != Phase.Orders)
        {
            foreach (var role in RoleSet.All)
                state = BotPolicy.Decide(state, role).Aggregate(state, (s, c) => Apply(s, c));
            state = Apply(state, new AdvancePhase(Actor.System));
        }
        foreach (var role in RoleSet.All)
            state = BotPolicy.Decide(state, role).Aggregate(state, (s, c) => Apply(s, c));
        return state;
    }

    /// <summary>A bot game of 40 turns with table talk, cut at exactly <paramref name="count"/> events.</summary>
    public static ImmutableArray<GameEvent> Log(int count)
    {
        var scenario = Load("oval-office-2025") with { Turns = 40 };
        var log = ImmutableArray.CreateBuilder<GameEvent>();
        var started = Rules.Start(scenario, 7);
        log.Add(started);
        var state = Rules.Begin(started);
        while (!state.Ended && log.Count < count)
        {
            if (state.Phase == Phase.Negotiation)
                state = Apply(state, new PostMessage(Actor.Player(Role.UA), [Role.EU], $"Turn {state.Turn}: what will you put on the table?"), log);
            foreach (var role in RoleSet.All)
                state = BotPolicy.Decide(state, role).Aggregate(state, (s, c) => Apply(s, c, log));
            state = Apply(state, new AdvancePhase(Actor.System), log);
        }
        if (log.Count < count)
            throw new InvalidOperationException($"the game ended after {log.Count} events");
        return log.ToImmutable()[..count];
    }
}
