using System.Collections.Immutable;

namespace Wargame.Domain.Map;

/// <summary>A point on the map: longitude and latitude in degrees (WGS 84).</summary>
public sealed record MapPoint(double Lon, double Lat);

/// <summary>
/// A line a scenario names on the map (a front, a line to withdraw to): where the contact line runs when Ukraine
/// holds <see cref="Territory"/> percent of its 1991 territory. Every named line of a scenario has the same number
/// of points, listed in the same order (north to south), so the contact line can be drawn between any two.
/// </summary>
public sealed record NamedLine(string Name, double Territory, ImmutableArray<MapPoint> Points);

/// <summary>
/// Where the line of contact runs for a share of territory: between the two named lines whose territories
/// bracket it, each point moved along the way by the same fraction (the share of the gap between their
/// territories). Beyond the scenario's lines it stays on the outermost line, and says so.
/// </summary>
public static class ContactLine
{
    public sealed record Placement(ImmutableArray<MapPoint> Points, string Between, bool BeyondLines);

    public static Placement? For(ImmutableArray<NamedLine> lines, double territory)
    {
        if (lines.IsDefaultOrEmpty)
            return null;
        // Most territory first: the line furthest east and south comes first.
        var sorted = lines.OrderByDescending(l => l.Territory).ToArray();
        if (sorted.FirstOrDefault(l => l.Territory == territory) is { } on)
            return new(on.Points, on.Name, false);
        if (territory > sorted[0].Territory)
            return new(sorted[0].Points, sorted[0].Name, true);
        if (territory < sorted[^1].Territory)
            return new(sorted[^1].Points, sorted[^1].Name, true);
        for (var i = 0; i < sorted.Length - 1; i++)
        {
            var (near, far) = (sorted[i], sorted[i + 1]);
            if (territory > near.Territory || territory < far.Territory)
                continue;
            var share = (near.Territory - territory) / (near.Territory - far.Territory);
            return new([.. near.Points.Zip(far.Points, (a, b) => Between(a, b, share))], $"between {near.Name} and {far.Name}", false);
        }
        throw new InvalidOperationException("The named lines' territories do not bracket the territory held.");
    }

    private static MapPoint Between(MapPoint a, MapPoint b, double share) =>
        new(Math.Round(a.Lon + (b.Lon - a.Lon) * share, 4), Math.Round(a.Lat + (b.Lat - a.Lat) * share, 4));
}
