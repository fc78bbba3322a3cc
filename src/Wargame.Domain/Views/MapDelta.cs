using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Map;
using Wargame.Domain.Negotiation;

namespace Wargame.Domain.Views;

/// <summary>
/// What changed in a <see cref="MapView"/>: each changed part, wrapped (<see cref="Changed{T}"/>, so a part now null
/// differs from one unchanged); the parts that did not change are absent. The named lines (the scenario's geometry)
/// never change in a game, so they travel in the whole view only; a resolution sends the contact lines and the
/// territory, a ceasefire its zone.
/// </summary>
public sealed record MapDelta
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<ImmutableArray<NamedLine>>? Lines { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<ImmutableArray<MapPoint>>? ContactLine { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<string>? ContactLineBetween { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<bool>? BeyondLines { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<double>? Territory { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<int?>? ChangeTurn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<double>? TerritoryChange { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<ImmutableArray<MapPoint>>? PreviousContactLine { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<int?>? CeasefireId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<int>? DmzWidthKm { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<Monitoring>? Monitoring { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<ImmutableArray<string>>? MonitorsFrom { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<string?>? WithdrawTo { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<ImmutableArray<DeployedForce>>? Deployments { get; init; }

    /// <summary>The parts of <paramref name="after"/> that differ from <paramref name="before"/>; null when none does.</summary>
    public static MapDelta? Between(MapView before, MapView after)
    {
        if (ReferenceEquals(before, after))
            return null;
        var delta = new MapDelta
        {
            Lines = Part(before.Lines, after.Lines),
            ContactLine = Part(before.ContactLine, after.ContactLine),
            ContactLineBetween = before.ContactLineBetween == after.ContactLineBetween ? null : new(after.ContactLineBetween),
            BeyondLines = before.BeyondLines == after.BeyondLines ? null : new(after.BeyondLines),
            Territory = Bits(before.Territory, after.Territory) ? null : new(after.Territory),
            ChangeTurn = before.ChangeTurn == after.ChangeTurn ? null : new(after.ChangeTurn),
            TerritoryChange = Bits(before.TerritoryChange, after.TerritoryChange) ? null : new(after.TerritoryChange),
            PreviousContactLine = Part(before.PreviousContactLine, after.PreviousContactLine),
            CeasefireId = before.CeasefireId == after.CeasefireId ? null : new(after.CeasefireId),
            DmzWidthKm = before.DmzWidthKm == after.DmzWidthKm ? null : new(after.DmzWidthKm),
            Monitoring = before.Monitoring == after.Monitoring ? null : new(after.Monitoring),
            MonitorsFrom = Part(before.MonitorsFrom, after.MonitorsFrom),
            WithdrawTo = before.WithdrawTo == after.WithdrawTo ? null : new(after.WithdrawTo),
            Deployments = Part(before.Deployments, after.Deployments),
        };
        return delta == Unchanged ? null : delta;
    }

    /// <summary>The map this delta makes of <paramref name="map"/>.</summary>
    public MapView ApplyTo(MapView map) => map with
    {
        Lines = Lines is { } lines ? lines.Value : map.Lines,
        ContactLine = ContactLine is { } contact ? contact.Value : map.ContactLine,
        ContactLineBetween = ContactLineBetween is { } between ? between.Value : map.ContactLineBetween,
        BeyondLines = BeyondLines is { } beyond ? beyond.Value : map.BeyondLines,
        Territory = Territory is { } territory ? territory.Value : map.Territory,
        ChangeTurn = ChangeTurn is { } turn ? turn.Value : map.ChangeTurn,
        TerritoryChange = TerritoryChange is { } change ? change.Value : map.TerritoryChange,
        PreviousContactLine = PreviousContactLine is { } previous ? previous.Value : map.PreviousContactLine,
        CeasefireId = CeasefireId is { } ceasefire ? ceasefire.Value : map.CeasefireId,
        DmzWidthKm = DmzWidthKm is { } dmz ? dmz.Value : map.DmzWidthKm,
        Monitoring = Monitoring is { } monitoring ? monitoring.Value : map.Monitoring,
        MonitorsFrom = MonitorsFrom is { } from ? from.Value : map.MonitorsFrom,
        WithdrawTo = WithdrawTo is { } withdraw ? withdraw.Value : map.WithdrawTo,
        Deployments = Deployments is { } deployments ? deployments.Value : map.Deployments,
    };

    private static readonly MapDelta Unchanged = new();

    private static Changed<ImmutableArray<T>>? Part<T>(ImmutableArray<T> before, ImmutableArray<T> after) =>
        before.AsSpan().SequenceEqual(after.AsSpan()) ? null : new(after);

    // Doubles compare by bits, so 0 and -0 (written differently) count as a change.
    private static bool Bits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
