using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Map;

/// <summary>Troops a guarantor has deployed in Ukraine, where they stand (in the rear or on the contact line).</summary>
public sealed record DeployedForce(Role Role, int Troops, TripwireLocation Location);

/// <summary>
/// What the map shows: the scenario's named lines, the line of contact now and where it ran before the last
/// resolved turn, the ceasefire's demilitarised zone and monitors, and each guarantor's deployed troops. Every
/// field is public (the order of battle and signed agreements are), so every audience gets the same map.
/// </summary>
public sealed record MapView
{
    public ImmutableArray<NamedLine> Lines { get; init; } = [];
    /// <summary>The line of contact for the territory Ukraine holds now; empty when the scenario names no lines.</summary>
    public ImmutableArray<MapPoint> ContactLine { get; init; } = [];
    /// <summary>Where the contact line lies among the named lines ("between A and B", or a line's name).</summary>
    public string ContactLineBetween { get; init; } = "";
    /// <summary>The territory held lies beyond the outermost named line, so the line is drawn on that line.</summary>
    public bool BeyondLines { get; init; }
    public double Territory { get; init; }
    /// <summary>The turn whose change the map marks (the last resolved turn); null before any resolution.</summary>
    public int? ChangeTurn { get; init; }
    /// <summary>Territory Ukraine gained (positive) or lost (negative) since the start of <see cref="ChangeTurn"/>, in percentage points.</summary>
    public double TerritoryChange { get; init; }
    /// <summary>The contact line at the start of <see cref="ChangeTurn"/>; the area between it and the line now changed hands.</summary>
    public ImmutableArray<MapPoint> PreviousContactLine { get; init; } = [];
    public int? CeasefireId { get; init; }
    public int DmzWidthKm { get; init; }
    public Monitoring Monitoring { get; init; } = Monitoring.None;
    public ImmutableArray<string> MonitorsFrom { get; init; } = [];
    /// <summary>The named line a ceasefire in force withdraws the forces to.</summary>
    public string? WithdrawTo { get; init; }
    public ImmutableArray<DeployedForce> Deployments { get; init; } = [];
}

public static class MapViews
{
    public static MapView For(GameState state)
    {
        var world = state.World;
        var lines = state.Scenario.Lines;
        var now = ContactLine.For(lines, world.Territory);
        var last = state.Outcomes.IsEmpty ? null : state.Outcomes[^1];
        var before = state.Outcomes.Length >= 2 ? state.Outcomes[^2].Metrics.Territory : state.Scenario.Territory;
        var change = last is null ? 0 : Math.Round(world.Territory - before, 4);
        var ceasefire = world.Ceasefire;
        var terms = ceasefire?.Terms as CeasefireTerms;
        return new MapView
        {
            Lines = lines,
            ContactLine = now?.Points ?? [],
            ContactLineBetween = now?.Between ?? "",
            BeyondLines = now?.BeyondLines ?? false,
            Territory = world.Territory,
            ChangeTurn = last?.Turn,
            TerritoryChange = change,
            PreviousContactLine = last is null ? [] : ContactLine.For(lines, before)?.Points ?? [],
            CeasefireId = ceasefire?.Id,
            DmzWidthKm = terms?.DmzWidthKm ?? 0,
            Monitoring = terms?.Monitoring ?? Monitoring.None,
            MonitorsFrom = terms?.MonitorsFrom ?? [],
            WithdrawTo = terms is { Line: LineOfContact.WithdrawToLine } ? terms.LineName : null,
            Deployments = [.. world.Positions.Where(kv => kv.Key.IsGuarantor() && kv.Value.Troops > 0)
                .Select(kv => new DeployedForce(kv.Key, kv.Value.Troops, kv.Value.Location))],
        };
    }
}
