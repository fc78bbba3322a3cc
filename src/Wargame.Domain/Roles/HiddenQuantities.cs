using System.Collections.Immutable;

namespace Wargame.Domain.Roles;

/// <summary>A role's private quantity. Code names it by this value, so a typo cannot silently read 0.</summary>
public enum HiddenQuantity
{
    Readiness,
    Morale,
    Resolve,
    Rearmament,
    DomesticSupport,
    CongressMood,
    ElectionTurn,
    ForceAvailability,
    SpendingHeadroom,
    Intelligence,
    EuropeanSupport,
    EuropeanElectionTurn,
}

/// <summary>How a quantity reads to a person: a share shown as a percentage, a count, a turn number, or yes/no.</summary>
public enum QuantityUnit
{
    Share,
    Count,
    Turn,
    Flag,
}

/// <summary>
/// The hidden quantities each role has, with their valid ranges. Files, events and views name them in camelCase
/// (inject effects as "RU.resolve"); code uses <see cref="HiddenQuantity"/>.
/// </summary>
public static class HiddenQuantities
{
    public sealed record Definition(HiddenQuantity Quantity, Role Role, string Label, double Min, double Max, double Default)
    {
        /// <summary>The name in files, events and views: "readiness", "domesticSupport".</summary>
        public string Name { get; } = char.ToLowerInvariant(Quantity.ToString()[0]) + Quantity.ToString()[1..];

        public QuantityUnit Unit => Quantity == HiddenQuantity.ElectionTurn ? QuantityUnit.Turn : Max == 1 ? QuantityUnit.Share : QuantityUnit.Count;
    }

    public static ImmutableArray<Definition> All { get; } =
    [
        new(HiddenQuantity.Readiness, Role.UA, "Army readiness", 0, 1, 0.6),
        new(HiddenQuantity.Morale, Role.UA, "Domestic morale", 0, 1, 0.6),
        new(HiddenQuantity.Resolve, Role.RU, "True resolve", 0, 1, 0.6),
        new(HiddenQuantity.Rearmament, Role.RU, "Rearmament (turns of rearming)", 0, 40, 0),
        new(HiddenQuantity.DomesticSupport, Role.US, "Domestic support", 0, 1, 0.5),
        new(HiddenQuantity.CongressMood, Role.US, "Congress mood", 0, 1, 0.5),
        new(HiddenQuantity.ElectionTurn, Role.US, "Election turn (0 for none)", 0, 40, 0),
        new(HiddenQuantity.ForceAvailability, Role.EU, "Troops available to deploy", 0, 200_000, 30_000),
        new(HiddenQuantity.SpendingHeadroom, Role.EU, "Defence spending headroom", 0, 1, 0.4),
        new(HiddenQuantity.Intelligence, Role.RU, "Intelligence on Western resolve (narrows misperception)", 0, 1, 0.5),
        new(HiddenQuantity.EuropeanSupport, Role.EU, "Domestic support in the European capitals", 0, 1, 0.5),
        new(HiddenQuantity.EuropeanElectionTurn, Role.EU, "Turn of a major European election (0 for none)", 0, 40, 0),
    ];

    public static Definition Of(HiddenQuantity quantity) => All[(int)quantity];

    /// <summary>The role whose private quantity this is.</summary>
    public static Role Owner(this HiddenQuantity quantity) => Of(quantity).Role;

    public static string Name(this HiddenQuantity quantity) => Of(quantity).Name;

    /// <summary>A guarantor's domestic support (the US's or the European capitals').</summary>
    public static HiddenQuantity SupportOf(Role guarantor) => guarantor == Role.EU ? HiddenQuantity.EuropeanSupport : HiddenQuantity.DomesticSupport;

    /// <summary>The turn of a guarantor's election.</summary>
    public static HiddenQuantity ElectionOf(Role guarantor) => guarantor == Role.EU ? HiddenQuantity.EuropeanElectionTurn : HiddenQuantity.ElectionTurn;

    public static Definition? Find(Role role, string name) => All.FirstOrDefault(d => d.Role == role && d.Name == name);

    public static ImmutableSortedDictionary<string, double> Defaults(Role role) =>
        All.Where(d => d.Role == role).ToImmutableSortedDictionary(d => d.Name, d => d.Default);
}
