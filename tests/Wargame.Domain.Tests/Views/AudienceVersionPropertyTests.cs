using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Tests.Game;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

public sealed class AudienceVersionPropertyTests
{
    private static readonly string[] Scenarios = ["treaty-path", "oval-office-2025", "budapest-redux"];

    private static Arbitrary<(int Scenario, ulong Seed, Step[] Steps)> Games() =>
        Gen.Choose(0, Scenarios.Length - 1)
            .Zip(Gen.Choose(0, int.MaxValue).Select(s => (ulong)s))
            .Zip(Gen.ArrayOf(Gen.Choose(0, 1000).Two().Two().Select(x => new Step(x.Item1.Item1, x.Item1.Item2, x.Item2.Item1 * 37, x.Item2.Item2 * 101)), 80))
            .Select(x => (x.Item1.Item1, x.Item1.Item2, x.Item2))
            .ToArbitrary();

    /// <summary>
    /// The visibility rule behind per-audience versions matches <see cref="GameViews.For(GameState, Audience)"/> event by event: a view
    /// (apart from its version) never changes unless its audience's version moves, in any legal game.
    /// </summary>
    [Fact]
    public void AnAudiencesView_NeverChangesWithoutItsVersionMoving()
    {
        var hiddenSteps = 0;
        var property = Prop.ForAll(Games(), game =>
        {
            var (_, events, _) = RandomPlay.Run(Scenarios[game.Scenario], game.Seed, game.Steps);
            var state = Rules.Begin(events[0]);
            var seen = Audience.All.ToDictionary(a => a, a => Content(state, a));
            foreach (var e in events.Skip(1))
            {
                var before = state;
                state = Rules.Evolve(state, e);
                foreach (var audience in Audience.All)
                {
                    var content = Content(state, audience);
                    var moved = AudienceVersions.Of(state, audience) - AudienceVersions.Of(before, audience);
                    Assert.True(moved is 0 or 1, $"{audience} moved {moved} on {e.GetType().Name}");
                    if (moved == 0)
                    {
                        hiddenSteps++;
                        Assert.True(content == seen[audience], $"{audience}'s view changed on {e.GetType().Name} without its version moving.");
                    }
                    seen[audience] = content;
                }
            }
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
        Assert.True(hiddenSteps > 100, $"only {hiddenSteps} hidden steps: the games barely exercise hidden activity");
    }

    private static string Content(GameState state, Audience audience) =>
        JsonSerializer.Serialize(GameViews.For(state, audience) with { Version = 0 }, GameJson.Options);
}
