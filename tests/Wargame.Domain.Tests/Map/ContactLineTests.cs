using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Map;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Map;

public sealed class ContactLineTests
{
    private static readonly NamedLine East = new("East line", 90, [new(38, 50), new(37, 47)]);
    private static readonly NamedLine Middle = new("Middle line", 80, [new(37, 50), new(36, 47)]);
    private static readonly NamedLine West = new("West line", 60, [new(35, 50), new(34, 47)]);
    private static readonly ImmutableArray<NamedLine> Lines = [West, East, Middle];

    [Fact]
    public void OnANamedLine_TheContactLineIsThatLine()
    {
        var placed = ContactLine.For(Lines, 80)!;

        Assert.Equal(Middle.Points.ToArray(), placed.Points.ToArray());
        Assert.Equal("Middle line", placed.Between);
        Assert.False(placed.BeyondLines);
    }

    [Fact]
    public void BetweenTwoLines_EachPointMovesByTheShareOfTheTerritoryGap()
    {
        // 70% lies halfway between the middle line (80%) and the west line (60%).
        var placed = ContactLine.For(Lines, 70)!;

        Assert.Equal([new MapPoint(36, 50), new MapPoint(35, 47)], placed.Points.ToArray());
        Assert.Equal("between Middle line and West line", placed.Between);
    }

    [Fact]
    public void LosingTerritory_MovesTheLineWestward_AndGainingMovesItBack()
    {
        var quarter = ContactLine.For(Lines, 87.5)!;
        var lost = ContactLine.For(Lines, 65)!;

        Assert.Equal(new MapPoint(37.75, 50), quarter.Points[0]);
        Assert.Equal(new MapPoint(35.5, 50), lost.Points[0]);
        Assert.Equal(Middle.Points.ToArray(), ContactLine.For(Lines, 80)!.Points.ToArray());
    }

    [Fact]
    public void BeyondTheOutermostLines_TheLineStaysOnThemAndSaysSo()
    {
        var far = ContactLine.For(Lines, 40)!;
        var near = ContactLine.For(Lines, 95)!;

        Assert.Equal(West.Points.ToArray(), far.Points.ToArray());
        Assert.True(far.BeyondLines);
        Assert.Equal(East.Points.ToArray(), near.Points.ToArray());
        Assert.True(near.BeyondLines);
    }

    [Fact]
    public void WithoutNamedLines_ThereIsNoContactLine() => Assert.Null(ContactLine.For([], 80));

    private static Scenario WithLines(Scenario scenario) => scenario with { Lines = Lines };

    [Fact]
    public void AfterAnOffensiveTakesTerritory_TheMapMovesTheLineAndMarksTheChange()
    {
        var scenario = WithLines(Fixture.Table(Fixture.Guarantee(Fixture.Treaty(Role.EU) with
        {
            Tripwires = [new Tripwire(Role.EU, 15_000, TripwireLocation.Rear)],
        })).WithTroops(Role.US, 0));
        var start = Fixture.Start(scenario);
        Assert.Equal(Middle.Points.ToArray(), GameViews.For(start, Audience.Public).Map.ContactLine.ToArray());
        Assert.Null(GameViews.For(start, Audience.Public).Map.ChangeTurn);

        // Seed search is avoided: the table is played until an offensive actually takes ground.
        var state = Enumerable.Range(1, 40).Select(seed => Fixture.Start(scenario, (ulong)seed)
            .Resolve((Role.RU, new RussiaOrders(RussiaPosture.MajorOffensive, false, false)))).First(s => s.World.Territory < 80);
        var map = GameViews.For(state, Audience.Public).Map;

        Assert.Equal(1, map.ChangeTurn);
        Assert.Equal(state.World.Territory - 80, map.TerritoryChange, 6);
        Assert.Equal(Middle.Points.ToArray(), map.PreviousContactLine.ToArray());
        Assert.Equal(ContactLine.For(Lines, state.World.Territory)!.Points.ToArray(), map.ContactLine.ToArray());
        Assert.True(map.ContactLine[0].Lon < Middle.Points[0].Lon);
        Assert.Equal([new DeployedForce(Role.EU, 15_000, TripwireLocation.Rear)], map.Deployments.ToArray());
    }

    [Fact]
    public void ACeasefireWithAZoneAndMonitors_IsOnEveryAudiencesMap()
    {
        var scenario = WithLines(Fixture.Table(Fixture.Ceasefire(new CeasefireTerms
        {
            DmzWidthKm = 15,
            Monitoring = Monitoring.ArmedPeacekeepers,
            MonitorsFrom = ["EU"],
        })));
        var state = Fixture.Start(scenario);

        foreach (var audience in Audience.All)
        {
            var map = GameViews.For(state, audience).Map;
            Assert.Equal(1, map.CeasefireId);
            Assert.Equal(15, map.DmzWidthKm);
            Assert.Equal(Monitoring.ArmedPeacekeepers, map.Monitoring);
            Assert.Equal(["EU"], map.MonitorsFrom.ToArray());
        }
    }
}
