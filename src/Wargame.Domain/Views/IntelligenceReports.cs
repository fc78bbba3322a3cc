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
    private static readonly ImmutableArray<(Role For, HiddenQuantity Quantity, double Error)> Sources =
    [
        (Role.UA, HiddenQuantity.Resolve, 0.2),
        (Role.UA, HiddenQuantity.ForceAvailability, 0.05),
        (Role.RU, HiddenQuantity.DomesticSupport, 0.15),
        (Role.RU, HiddenQuantity.Readiness, 0.15),
        (Role.US, HiddenQuantity.Resolve, 0.1),
        (Role.US, HiddenQuantity.Rearmament, 0.05),
        (Role.US, HiddenQuantity.Readiness, 0.1),
        (Role.EU, HiddenQuantity.Resolve, 0.15),
        (Role.EU, HiddenQuantity.CongressMood, 0.15),
    ];

    public static ImmutableArray<IntelligenceReport> For(GameState state, Func<Role, bool> sees)
    {
        var list = ImmutableArray.CreateBuilder<IntelligenceReport>();
        foreach (var (role, hidden, error) in Sources.Where(s => sees(s.For)))
        {
            var definition = HiddenQuantities.Of(hidden);
            var (about, quantity) = (definition.Role, definition.Name);
            var truth = state.World.Hidden(hidden);
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
