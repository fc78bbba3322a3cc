using System.Collections.Immutable;
using System.Globalization;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;

namespace Wargame.Domain.Game;

/// <summary>
/// Quantities an inject may move: "UA.readiness" and the other hidden quantities, "&lt;ROLE&gt;.troops",
/// "US.reputation", "EU.reputation", "territory", "sanctions", and "spoiler" (pressure for a spoiler collapse roll).
/// </summary>
public static class Effects
{
    public const double MaxTroops = 2_000_000;

    public static IEnumerable<string> Known => Catalogue.Select(q => q.Name);

    /// <summary>Every quantity an inject may move, with what it means and the range it is kept in.</summary>
    public static ImmutableArray<Views.InjectQuantityView> Catalogue { get; } =
    [
        .. HiddenQuantities.All.Select(d => new Views.InjectQuantityView($"{d.Role}.{d.Name}", $"{d.Role.DisplayName()}: {d.Label.ToLowerInvariant()}", d.Unit, d.Min, d.Max)),
        .. RoleSet.All.Select(r => new Views.InjectQuantityView($"{r}.troops", $"{r.DisplayName()}: troops", QuantityUnit.Count, 0, MaxTroops)),
        new("US.reputation", "United States: reputation", QuantityUnit.Share, 0, 1),
        new("EU.reputation", "Europe: reputation", QuantityUnit.Share, 0, 1),
        new("territory", "Territory held by Ukraine (percent)", QuantityUnit.Count, 0, World.MaxTerritory),
        new("sanctions", "Sanctions pressure (0 to 10)", QuantityUnit.Count, 0, World.MaxSanctions),
        new("spoiler", "Spoiler pressure this turn (0 to 10)", QuantityUnit.Count, 0, 10),
    ];

    /// <summary>Null when the quantity exists, else a message naming the valid ones.</summary>
    public static string? Check(string quantity) =>
        Known.Contains(quantity) ? null : $"'{quantity}' is not a quantity an inject can move. Known: {string.Join(", ", Known)}.";

    internal static (World World, string Line) Apply(World world, InjectEffect effect)
    {
        static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var (quantity, delta) = (effect.Quantity, effect.Delta);
        switch (quantity)
        {
            case "territory":
                var territory = Math.Clamp(world.Territory + delta, 0, World.MaxTerritory);
                return (world with { Territory = territory }, $"Territory held by Ukraine {F(world.Territory)}% -> {F(territory)}%.");
            case "sanctions":
                var sanctions = (int)Math.Clamp(Math.Round(world.Sanctions + delta), 0, World.MaxSanctions);
                return (world with { Sanctions = sanctions }, $"Sanctions pressure {world.Sanctions} -> {sanctions}.");
            case "spoiler":
                var pressure = Math.Clamp(world.SpoilerPressure + delta, 0, 10);
                return (world with { SpoilerPressure = pressure }, $"Spoiler pressure this turn {F(world.SpoilerPressure)} -> {F(pressure)}.");
        }
        var dot = quantity.IndexOf('.', StringComparison.Ordinal);
        var role = Enum.Parse<Role>(quantity[..dot]);
        var name = quantity[(dot + 1)..];
        var position = world[role];
        switch (name)
        {
            case "troops":
                var troops = (int)Math.Clamp(Math.Round(position.Troops + delta), 0, MaxTroops);
                return (Set(world, role, position with { Troops = troops }), $"{role.DisplayName()} troops {position.Troops:N0} -> {troops:N0}.");
            case "reputation":
                var rep = Math.Clamp(position.Reputation + delta, 0, 1);
                var agreements = world.Agreements.Select(a => a.Reputation.TryGetValue(role, out var r)
                    ? a with { Reputation = a.Reputation.SetItem(role, Math.Clamp(r + delta, 0, 1)) }
                    : a).ToArray();
                return (Set(world, role, position with { Reputation = rep }) with { Agreements = [.. agreements] },
                    $"{role.DisplayName()} reputation {F(position.Reputation)} -> {F(rep)} (and on each of its guarantees).");
            default:
                var d = HiddenQuantities.Find(role, name)!;
                var before = world.Hidden(d.Quantity);
                var value = Math.Clamp(before + delta, d.Min, d.Max);
                return (world.WithHidden(d.Quantity, value), $"{role.DisplayName()} {d.Label.ToLowerInvariant()} {F(before)} -> {F(value)}.");
        }
    }

    private static World Set(World world, Role role, RolePosition position) =>
        world with { Positions = world.Positions.SetItem(role, position) };
}
