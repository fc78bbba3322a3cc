using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Play;

/// <summary>Issue 2's thin game through the whole stack: a facilitator and four role pages in chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThinGameTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task FourRolePages_PlayOneTurn_EachSeesOnlyItsOwnBriefingAndEverySeesTheResult() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        await Screenshots.Save(facilitator, "thin-01-facilitator-lobby");

        var pages = new Dictionary<string, IPage>();
        foreach (var role in Roles)
            pages[role] = await Seat(codes.For(role), $"{Names[role]} team");

        // Each page shows its own private briefing and nothing of another role's.
        foreach (var (role, page) in pages)
        {
            await Expect(page.GetByTestId($"private-{role}")).ToContainTextAsync(Secrets[role]);
            var html = await page.ContentAsync();
            foreach (var other in Roles.Where(r => r != role))
                Assert.DoesNotContain(Secrets[other], html);
        }
        await Screenshots.Save(pages["UA"], "thin-02-ukraine-briefing");

        // The facilitator's console lists every seat as connected.
        foreach (var role in Roles)
            await Expect(facilitator.GetByTestId("seats")).ToContainTextAsync($"{Names[role]} team");

        await Advance(facilitator, "Negotiation");
        await Advance(facilitator, "Orders");
        foreach (var page in pages.Values)
            await ExpectPhase(page, "Orders");

        await SubmitSomeOrders(pages);
        await Tab(facilitator, "Orders");
        foreach (var role in Roles)
            await Expect(facilitator.Locator("table.orders-table")).Not.ToContainTextAsync("not yet");

        await Advance(facilitator, "Debrief");
        foreach (var (role, page) in pages)
        {
            await ExpectPhase(page, "Debrief");
            await Tab(page, "Results");
            await Expect(page.GetByTestId("results")).ToContainTextAsync("Turn 1");
        }
        await Screenshots.Save(pages["RU"], "thin-03-russia-results");
        await Tab(facilitator, "Results");
        await Expect(facilitator.GetByTestId("results")).ToContainTextAsync("Turn 1");
    });

    private static async Task SubmitSomeOrders(Dictionary<string, IPage> pages)
    {
        foreach (var (role, page) in pages)
        {
            await Tab(page, "Orders");
            var orders = page.GetByRole(AriaRole.Form, new() { Name = "Orders" });
            switch (role)
            {
                case "RU":
                    await orders.GetByLabel("Posture").SelectOptionAsync("Probe");
                    break;
                case "UA":
                    await orders.GetByLabel("Posture").SelectOptionAsync("Fortify");
                    break;
                default:
                    await orders.GetByLabel("Arms and intelligence").CheckAsync();
                    break;
            }
            await orders.GetByRole(AriaRole.Button, new() { Name = "Submit orders" }).ClickAsync();
            await Expect(page.GetByTestId("submitted-orders")).ToBeVisibleAsync();
        }
    }
}
