using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Wargame.Domain.Game;
using Wargame.Domain.Serialization;

namespace Wargame.Domain.Tests.Game;

public sealed class ReplayPropertyTests
{
    private static readonly string[] Scenarios = ["treaty-path", "oval-office-2025", "white-house-summit-2025", "budapest-redux"];

    private static Arbitrary<(int Scenario, ulong Seed, Step[] Steps)> Games() =>
        Gen.Choose(0, Scenarios.Length - 1)
            .Zip(Gen.Choose(0, int.MaxValue).Select(s => (ulong)s))
            .Zip(Gen.ArrayOf(Gen.Choose(0, 1000).Two().Two().Select(x => new Step(x.Item1.Item1, x.Item1.Item2, x.Item2.Item1 * 37, x.Item2.Item2 * 101)), 120))
            .Select(x => (x.Item1.Item1, x.Item1.Item2, x.Item2))
            .ToArbitrary();

    [Fact]
    public void ReplayingAnyLegalCommandSequence_RebuildsIdenticalStateAndHash()
    {
        var played = 0;
        var resolved = 0;
        var property = Prop.ForAll(Games(), game =>
        {
            var (state, events, accepted) = RandomPlay.Run(Scenarios[game.Scenario], game.Seed, game.Steps);
            played += accepted;
            resolved += state.Outcomes.Length;
            var replayed = Rules.Replay(events);
            var json = JsonSerializer.Serialize(events.ToArray(), GameJson.Options);
            var fromJson = Rules.Replay(JsonSerializer.Deserialize<GameEvent[]>(json, GameJson.Options)!);
            return replayed.Hash() == state.Hash()
                && fromJson.Hash() == state.Hash()
                && replayed.Version == events.Length
                && state.Version == events.Length;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
        Assert.True(played > 60 * 20, $"only {played} commands were accepted: the generator makes too few legal moves");
        Assert.True(resolved > 60, $"only {resolved} turns were resolved: the sequences barely reach the resolution");
    }

    [Fact]
    public void DecideNeverThrows_OnRandomCommandsInAnyState()
    {
        var property = Prop.ForAll(Games(), game =>
        {
            var (state, _, _) = RandomPlay.Run(Scenarios[game.Scenario], game.Seed, game.Steps.Take(60));
            foreach (var step in game.Steps.Skip(60))
                _ = Rules.Decide(state, RandomPlay.Command(state, step with { A = -step.A - 1, B = step.B * 7919 }));
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }
}
