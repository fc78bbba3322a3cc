using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Play;

[Collection(BrowserCollection.Name)]
public sealed class AgreementTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task APartyRevokesASignedCeasefire_WithAReasonEveryoneReads() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var ua = await Seat(codes.UA, "Ukraine team");
        var ru = await Seat(codes.RU, "Russia team");
        var us = await Seat(codes.US, "United States team");
        await Advance(facilitator, "Negotiation");

        await Tab(ru, "Proposals");
        var builder = ru.GetByRole(AriaRole.Form, new() { Name = "Send proposal" });
        await builder.GetByLabel("NATO non-accession pledge").CheckAsync();
        await builder.GetByLabel("Sanctions relief").SelectOptionAsync("Phased");
        await builder.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
        await Expect(builder.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposal sent");

        // The United States is no party: the proposal does not reach its inbox.
        await Tab(us, "Proposals");
        await Expect(us.GetByText("No proposals yet.")).ToBeVisibleAsync();

        await Tab(ua, "Proposals");
        await ua.Locator("li.proposal", new() { HasText = "Ceasefire agreement" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Advance(facilitator, "Orders");

        await Tab(ua, "Briefing");
        var agreement = ua.Locator("[data-agreement-id]", new() { HasText = "Ceasefire agreement" });
        await Expect(agreement).ToHaveAttributeAsync("data-status", "InForce");
        await agreement.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revoke #") }).ClickAsync();
        var revoke = agreement.GetByRole(AriaRole.Form);
        await revoke.GetByLabel("Reason for revoking").FillAsync("Russia keeps shelling Kharkiv.");
        await revoke.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();

        await Tab(us, "Briefing");
        var seenByUs = us.Locator("[data-agreement-id]", new() { HasText = "Ceasefire agreement" });
        await Expect(seenByUs).ToHaveAttributeAsync("data-status", "Revoked");
        await Expect(seenByUs).ToContainTextAsync("Russia keeps shelling Kharkiv.");
        await Expect(seenByUs.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    });
}
