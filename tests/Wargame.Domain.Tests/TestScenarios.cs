using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests;

/// <summary>Finds the repository's scenario files and starts games from them.</summary>
internal static class TestScenarios
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Directory => Path.Combine(RepoRoot, "scenarios");

    public static IEnumerable<string> Files => System.IO.Directory.GetFiles(Directory, "*.yaml").Order(StringComparer.Ordinal);

    public static Scenario Load(string id)
    {
        var file = Path.Combine(Directory, id + ".yaml");
        var result = ScenarioParser.Parse(file, File.ReadAllText(file));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Scenario!;
    }

    public static GameState Start(string id, ulong seed = 42) => Rules.Begin(Rules.Start(Load(id), seed));

    /// <summary>Applies a command that must be accepted, and returns the new state.</summary>
    public static GameState Apply(this GameState state, GameCommand command)
    {
        var applied = Rules.Apply(state, command);
        Assert.True(applied.IsAccepted, $"{command.GetType().Name} rejected: {applied.Rejection}");
        return applied.State;
    }

    public static GameState Advance(this GameState state) => state.Apply(new AdvancePhase(Actor.Facilitator));

    public static GameState AdvanceTo(this GameState state, Phase phase)
    {
        for (var i = 0; i < 10 && state.Phase != phase; i++)
            state = state.Advance();
        Assert.Equal(phase, state.Phase);
        return state;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wargame.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Wargame.sln not found above " + AppContext.BaseDirectory);
    }
}
