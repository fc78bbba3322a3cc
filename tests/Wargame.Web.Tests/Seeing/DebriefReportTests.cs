using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seeing;

/// <summary>
/// Issue 11: the charts mark a broken ceasefire, a tested guarantee and an inject on their time axis, with a legend;
/// the printed debrief report holds the map as it stood after each turn and who played each role.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DebriefReportTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task TheChartsMarkTheBreakTheTestAndTheInject_AndThePrintedReportHoldsEachTurnsMapAndTheTeams() => Story(PlayTwoTurnsAndPrint);

    private async Task PlayTwoTurnsAndPrint()
    {
        var facilitator = await NewPage();
        var codes = await CreateGame(facilitator, Address, "Contested front");
        var russia = await Seat(codes.RU, "Moscow desk");
        var europe = await Seat(codes.EU, "Brussels desk");

        // Turn 1: Russia launches a major offensive through the ceasefire and into Europe's guarantee.
        await Advance(facilitator, "Negotiation");
        await Advance(facilitator, "Orders");
        await Tab(russia, "Orders");
        var orders = russia.GetByRole(AriaRole.Form, new() { Name = "Orders" });
        await orders.GetByLabel("Posture").SelectOptionAsync("MajorOffensive");
        await orders.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("(Submit|Replace) orders") }).ClickAsync();
        await Expect(russia.GetByTestId("submitted-orders")).ToBeVisibleAsync();
        await Advance(facilitator, "Debrief");
        await Expect(europe.GetByTestId("headline")).ToContainTextAsync("The ceasefire broke");
        await Expect(europe.GetByTestId("headline")).ToContainTextAsync("The offensive tested guarantee #");

        // The facilitator plays the drone-strike card in turn 1's debrief.
        await Tab(facilitator, "Injects");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Fire card" }).ClickAsync();
        await Expect(facilitator.GetByText("Inject fired.")).ToBeVisibleAsync();

        // The charts: the key of the three markers, and each marked moment at turn 1, in the audience's own words.
        await Tab(facilitator, "Charts");
        var markers = facilitator.GetByTestId("chart-markers");
        await Expect(markers.Locator("[data-marker-kind]")).ToHaveTextAsync(["✕ Ceasefire broken", "▲ Guarantee tested", "◆ Inject or event card"]);
        await Expect(markers.Locator("li[data-marker='break'][data-turn='1']")).ToContainTextAsync("Turn 1: The ceasefire broke: Russia's offensive violated ceasefire #1.");
        await Expect(markers.Locator("li[data-marker='test'][data-turn='1']")).ToContainTextAsync("Turn 1: The offensive tested guarantee #2 (Europe)");
        await Expect(markers.Locator("li[data-marker='inject'][data-turn='1']")).ToHaveTextAsync("◆ Turn 1: Event card: Drone strike on Kyiv");
        await Expect(facilitator.GetByTestId("charts").Locator("canvas")).Not.ToHaveCountAsync(0);
        await Screenshots.Save(facilitator, "14-charts-with-markers", fullPage: true);
        // A player's charts mark the same moments.
        await Tab(europe, "Results");
        await Expect(europe.GetByTestId("chart-markers").Locator("li[data-marker]")).ToHaveCountAsync(3);

        // Turn 2 resolves with whatever orders stand.
        await Advance(facilitator, "Briefing");
        await Advance(facilitator, "Negotiation");
        await Advance(facilitator, "Orders");
        await Advance(facilitator, "Debrief");

        // The replay's printed report: the map after each turn and the teams, beside the timeline.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Open replay" }).ClickAsync();
        await facilitator.GetByLabel("Everything").CheckAsync();
        await facilitator.EmulateMediaAsync(new() { Media = Media.Print });
        var report = facilitator.GetByTestId("debrief-report");
        await Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Debrief report: Contested front" })).ToBeVisibleAsync();
        var maps = report.GetByTestId("maps-by-turn");
        await Expect(maps.Locator("section.turn-map")).ToHaveCountAsync(2);
        foreach (var turn in new[] { 1, 2 })
        {
            var map = maps.Locator($"section.turn-map[data-turn='{turn}']");
            await Expect(map.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"After turn {turn}");
            await Expect(map.GetByTestId("contact-line")).ToBeVisibleAsync();
            await Expect(map.GetByTestId("held-by-russia")).ToBeVisibleAsync();
        }
        await maps.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, "16-maps-by-turn.png") });
        var teams = report.GetByTestId("team-list");
        await Expect(teams.Locator("tr[data-role='RU'] td")).ToHaveTextAsync("Moscow desk");
        await Expect(teams.Locator("tr[data-role='EU'] td")).ToHaveTextAsync("Brussels desk");
        await Expect(teams.Locator("tr[data-role='UA']")).ToHaveCountAsync(0);
        await Expect(report.GetByTestId("timeline")).ToBeVisibleAsync();
        await Expect(facilitator.GetByRole(AriaRole.Region, new() { Name = "Replay controls" })).ToBeHiddenAsync();
        await Screenshots.Save(facilitator, "15-debrief-report-print", fullPage: true);
        var pdf = await facilitator.PdfAsync();
        Assert.True(pdf.Length > 10_000, $"the printed report is {pdf.Length} bytes");
        await facilitator.EmulateMediaAsync(new() { Media = Media.Screen });
    }
}
