using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seeing;

/// <summary>Issue 11: the map on every page, the turn's headline above every tab, each sentence opening its record.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MapAndHeadlineTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task AfterAGuaranteeIsSignedAndTheTurnResolves_EveryPageShowsTheHeadlineAndTheMapShowsTheTripwire() => Story(PlayOneTurn);

    private async Task PlayOneTurn()
    {
        var (facilitator, codes) = await NewGame();
        var roles = new Dictionary<string, IPage>();
        foreach (var role in Roles)
            roles[role] = await Seat(codes.For(role), $"{Names[role]} team");
        // The observer reads on a phone.
        var observer = await Seat(codes.Observer, "Visiting professor", width: 390);

        // Before any resolution: the line of contact and no troops, and no headline yet.
        var uaMap = roles["UA"].GetByTestId("war-map");
        await Expect(uaMap.GetByTestId("contact-line")).ToBeVisibleAsync();
        await Expect(uaMap.Locator("[data-testid^='tripwire-']")).ToHaveCountAsync(0);
        await Expect(roles["UA"].GetByTestId("headline")).ToHaveAttributeAsync("data-turn", "0");

        // Europe offers Ukraine a guarantee with 10,000 troops on the contact line; Ukraine accepts.
        await Advance(facilitator, "Negotiation");
        var eu = roles["EU"];
        await Tab(eu, "Proposals");
        var builder = eu.GetByRole(AriaRole.Form, new() { Name = "Send proposal" });
        await builder.GetByLabel("Security guarantee").CheckAsync();
        await builder.GetByLabel("Europe guarantees").CheckAsync();
        await builder.GetByLabel("United States guarantees").UncheckAsync();
        await builder.GetByLabel("Legal form").SelectOptionAsync("ExecutiveAgreement");
        await builder.GetByLabel("Europe troops", new() { Exact = true }).FillAsync("10000");
        await builder.GetByLabel("Europe troop location").SelectOptionAsync("ContactLine");
        await builder.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
        await Expect(builder.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposal sent");
        await Tab(roles["UA"], "Proposals");
        await roles["UA"].Locator("li.proposal", new() { HasText = "Security guarantee" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(eu.Locator("li.proposal[data-status='Accepted']", new() { HasText = "Security guarantee" })).ToBeVisibleAsync();
        await Advance(facilitator, "Orders");

        // Europe deploys the troops it promised, to the contact line.
        await Tab(eu, "Orders");
        var orders = eu.GetByRole(AriaRole.Form, new() { Name = "Orders" });
        await orders.GetByLabel("Troop change (positive deploys, negative withdraws)").FillAsync("10000");
        await orders.GetByLabel("Troop location").SelectOptionAsync("ContactLine");
        await orders.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("(Submit|Replace) orders") }).ClickAsync();
        await Expect(eu.GetByTestId("submitted-orders")).ToBeVisibleAsync();

        // Whatever tab each page has open, the headline arrives without a click.
        await Tab(roles["UA"], "Channels");
        await Tab(roles["RU"], "Proposals");
        await Tab(roles["US"], "Table");
        await Tab(facilitator, "Orders");
        await Advance(facilitator, "Debrief");
        foreach (var page in roles.Values.Append(facilitator).Append(observer))
        {
            var headline = page.GetByTestId("headline");
            await Expect(headline).ToHaveAttributeAsync("data-turn", "1");
            await Expect(headline.GetByRole(AriaRole.Heading)).ToHaveTextAsync(new Regex("^Turn 1: "));
            await Expect(headline).ToContainTextAsync("Deterrence rose from 0.00 to");
            // Named by the page's own number (#1), never by the agreement's id.
            await Expect(headline).ToContainTextAsync("Europe's guarantee #1 now counts");
        }

        // The map: the contact line and Europe's tripwire with its count, on every player's page and the observer's.
        foreach (var page in roles.Values)
        {
            await Tab(page, "Briefing");
            var map = page.GetByTestId("war-map");
            await Expect(map.GetByTestId("contact-line")).ToBeVisibleAsync();
            await Expect(map.GetByTestId("tripwire-EU")).ToContainTextAsync("EU 10,000");
            // The oblasts' boundaries, from a package that ships them (no network).
            await Expect(map.GetByTestId("oblast-borders")).ToHaveAttributeAsync("d", new Regex("^M.{200,}"));
            await Expect(map.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-label", new Regex("Europe: 10,000 troops on the contact line"));
        }
        await Screenshots.Save(roles["UA"], "11-map-and-headline");
        await Tab(facilitator, "Map");
        await Expect(facilitator.GetByTestId("war-map").GetByTestId("tripwire-EU")).ToContainTextAsync("EU 10,000");

        // At 390 px the map fits the screen and keeps its labels.
        var phoneMap = observer.GetByTestId("war-map").GetByRole(AriaRole.Img);
        await Expect(phoneMap).ToBeVisibleAsync();
        var box = await phoneMap.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Width, 300, 390);
        Assert.Equal(390, await observer.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await Screenshots.Save(observer, "12-map-phone");

        // A sentence of the headline opens the record that explains it, on the Results tab.
        var ua = roles["UA"];
        var link = ua.GetByTestId("headline").Locator(".headline-text [data-record-link]").Last;
        var recordId = await link.GetAttributeAsync("data-record-link");
        await link.ClickAsync();
        await Expect(ua.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Results") })).ToHaveAttributeAsync("aria-selected", "true");
        var record = ua.Locator($"details.record[data-record-id='{recordId}']");
        await Expect(record).ToHaveAttributeAsync("open", "");
        await Expect(record).ToBeInViewportAsync();

        await TheDebriefOpensTheReplayAtAnEventAndPrints(facilitator);
    }

    /// <summary>A note on turn 1, then the replay: the timeline opens it at the resolution, it steps one event at a time, it prints.</summary>
    private static async Task TheDebriefOpensTheReplayAtAnEventAndPrints(IPage facilitator)
    {
        await Tab(facilitator, "Notes");
        var note = facilitator.GetByRole(AriaRole.Form, new() { Name = "Add a note" });
        await note.GetByLabel("Note").FillAsync("Europe's tripwire arrived before any test: ask why Russia held back.");
        await note.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(facilitator.GetByTestId("notes")).ToContainTextAsync("ask why Russia held back");

        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Open replay" }).ClickAsync();
        var timeline = facilitator.GetByTestId("timeline");
        await Expect(timeline.Locator("[data-kind='Concluded']")).ToContainTextAsync("Signed: a security guarantee between Ukraine, Europe, in force.");

        // The whole record (the facilitator's key is in this browser) holds the note too.
        await facilitator.GetByLabel("Everything").CheckAsync();
        await Expect(timeline.Locator("[data-kind='Note']")).ToContainTextAsync("Facilitator's note on turn 1: Europe's tripwire arrived");

        // The turn's resolution opens the replay at that very event: the headline of turn 1 is there, the map with it.
        var resolved = timeline.Locator("[data-kind='Resolved']");
        var version = await resolved.GetAttributeAsync("data-version");
        await resolved.GetByRole(AriaRole.Button).ClickAsync();
        var position = facilitator.GetByTestId("replay-version");
        await Expect(position).ToContainTextAsync($"event {version} of ");
        await Expect(resolved).ToHaveAttributeAsync("aria-current", "step");
        var frame = facilitator.GetByTestId("replay-view");
        await Expect(frame.GetByTestId("headline")).ToHaveAttributeAsync("data-turn", "1");
        await Expect(frame.GetByTestId("tripwire-EU")).ToContainTextAsync("EU 10,000");
        await Screenshots.Save(facilitator, "13-timeline-and-replay");

        // One event back: the turn is not resolved yet and no headline; one event forward again: it is.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Previous event" }).ClickAsync();
        await Expect(position).ToContainTextAsync($"event {int.Parse(version!) - 1} of ");
        await Expect(frame.GetByTestId("headline")).ToHaveAttributeAsync("data-turn", "0");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Next event" }).ClickAsync();
        await Expect(position).ToContainTextAsync($"event {version} of ");
        await Expect(frame.GetByTestId("headline")).ToHaveAttributeAsync("data-turn", "1");

        // The print view: the report's title, the timeline, the map and the results; no replay controls.
        await facilitator.EmulateMediaAsync(new() { Media = Media.Print });
        var report = facilitator.GetByTestId("debrief-report");
        await Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Debrief report: Web seminar" })).ToBeVisibleAsync();
        await Expect(timeline).ToBeVisibleAsync();
        await Expect(frame.GetByTestId("war-map")).ToBeVisibleAsync();
        await Expect(frame.GetByTestId("results")).ToBeVisibleAsync();
        await Expect(facilitator.GetByRole(AriaRole.Region, new() { Name = "Replay controls" })).ToBeHiddenAsync();
        var pdf = await facilitator.PdfAsync();
        Assert.True(pdf.Length > 10_000, $"the printed report is {pdf.Length} bytes");
        await facilitator.EmulateMediaAsync(new() { Media = Media.Screen });
    }
}
