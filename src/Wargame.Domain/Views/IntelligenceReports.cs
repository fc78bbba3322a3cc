using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;

namespace Wargame.Domain.Views;

/// <summary>A role's intelligence estimate of another role's hidden quantity: the truth plus seeded noise, never the truth itself.</summary>
public sealed record IntelligenceReport(int Turn, Role For, Role About, string Quantity, double Estimate, double Low, double High, string Text);

/// <summary>
/// The private intelligence each role receives in its briefing. Each estimate is drawn from
/// (seed, turn, "intel", role, quantity), so it is stable for a turn and replays identically.
/// </summary>
internal static class IntelligenceReports
{
    /// <summary>What each role's services watch, and how wide their error is (a share of the quantity's range).</summary>
    private static readonly ImmutableArray<(Role For, Role About, string Quantity, double Error)> Sources =
    [
        (Role.UA, Role.RU, "resolve", 0.2),
        (Role.UA, Role.EU, "forceAvailability", 0.05),
        (Role.RU, Role.US, "domesticSupport", 0.15),
        (Role.RU, Role.UA, "readiness", 0.15),
        (Role.US, Role.RU, "resolve", 0.1),
        (Role.US, Role.RU, "rearmament", 0.05),
        (Role.US, Role.UA, "readiness", 0.1),
        (Role.EU, Role.RU, "resolve", 0.15),
        (Role.EU, Role.US, "congressMood", 0.15),
    ];

    public static ImmutableArray<IntelligenceReport> For(GameState state, Func<Role, bool> sees)
    {
        var list = ImmutableArray.CreateBuilder<IntelligenceReport>();
        foreach (var (role, about, quantity, error) in Sources.Where(s => sees(s.For)))
        {
            var definition = HiddenQuantities.Find(about, quantity)!;
            var truth = state.World[about].Q(quantity);
            var span = definition.Max - definition.Min;
            var roll = Dice.Roll(state.Seed, state.Turn, "intel", $"{role}-{about}.{quantity}");
            var estimate = Math.Clamp(truth + (roll / 10_000.0 - 0.5) * 2 * error * span, definition.Min, definition.Max);
            var low = Math.Max(definition.Min, estimate - error * span);
            var high = Math.Min(definition.Max, estimate + error * span);
            var text = span > 100
                ? $"{about.DisplayName()}'s {definition.Label.ToLowerInvariant()}: about {Fmt.Int(estimate)} (between {Fmt.Int(low)} and {Fmt.Int(high)})."
                : $"{about.DisplayName()}'s {definition.Label.ToLowerInvariant()}: about {Fmt.Two(estimate)} (between {Fmt.Two(low)} and {Fmt.Two(high)}).";
            list.Add(new IntelligenceReport(state.Turn, role, about, quantity, estimate, low, high, text));
        }
        return list.ToImmutable();
    }
}
