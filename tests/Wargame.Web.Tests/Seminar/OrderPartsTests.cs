using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seminar;

/// <summary>An order's invalid part is refused alone: the page shows the orders that stand and names the part left out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderPartsTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task SeekingRatificationWithNothingToRatify_IsLeftOut_AndTheRestOfTheOrdersIsSubmitted() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var us = await Seat(codes.US, "US team");
        await Advance(facilitator, "Negotiation");
        await Advance(facilitator, "Orders");

        await Tab(us, "Orders");
        var form = us.GetByRole(AriaRole.Form, new() { Name = "Orders" });
        await form.GetByLabel("Troop change (positive deploys, negative withdraws)").FillAsync("2000");
        await form.GetByLabel("Arms and intelligence").CheckAsync();
        await form.GetByLabel("Seek ratification of a signed treaty").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Submit orders" }).ClickAsync();

        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "Accepted without 'Seek ratification': No signed treaty is waiting for ratification by the Senate. Everything else stands; correct the part and send again if you want it.");
        await Expect(us.GetByTestId("submitted-orders")).ToHaveTextAsync("Submitted this turn: deploy 2,000 troops (rear), arms and intelligence");
    });
}
