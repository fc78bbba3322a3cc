using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seats;

/// <summary>A seat outlives its tab and its connection: the browser keeps the seat token and resumes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResumeTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task ClosingAndReopeningTheTab_MidGame_ResumesTheSameSeatWithOrdersAndDraft() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();

        var laptop = await NewProfile();
        var tab = await laptop.NewPageAsync();
        await Join(tab, Address, codes.RU, "Russia team");
        var gameUrl = tab.Url;
        await Advance(facilitator, "Negotiation");
        await Advance(facilitator, "Orders");

        await Tab(tab, "Orders");
        var orders = tab.GetByRole(AriaRole.Form, new() { Name = "Orders" });
        await orders.GetByLabel("Posture").SelectOptionAsync("Probe");
        await orders.GetByLabel("Rearm").CheckAsync();
        await orders.GetByRole(AriaRole.Button, new() { Name = "Submit orders" }).ClickAsync();
        await Expect(tab.GetByTestId("submitted-orders")).ToContainTextAsync("Probe, rearm");
        await Tab(tab, "Channels");
        await tab.GetByLabel("Public statement").FillAsync("Russia will consider a freeze if");

        await tab.CloseAsync();
        await Expect(facilitator.GetByTestId("seats")).ToContainTextAsync("offline");

        var reopened = await laptop.NewPageAsync();
        await reopened.GotoAsync(gameUrl);
        await Expect(reopened.GetByTestId("seat-role")).ToHaveTextAsync("Russia · Russia team");
        await Expect(reopened.GetByTestId("private-RU")).ToContainTextAsync(Secrets["RU"]);
        await ExpectPhase(reopened, "Orders");
        await Tab(reopened, "Orders");
        await Expect(reopened.GetByTestId("submitted-orders")).ToContainTextAsync("Probe, rearm");
        await Tab(reopened, "Channels");
        await Expect(reopened.GetByLabel("Public statement")).ToHaveValueAsync("Russia will consider a freeze if");

        // Still one Russian seat, connected again: resuming is not joining anew.
        var seats = facilitator.GetByTestId("seats").Locator("tr", new() { HasText = "Russia" }).Locator("li");
        await Expect(seats).ToHaveCountAsync(1);
        await Expect(seats).ToContainTextAsync("connected");
        await Screenshots.Save(reopened, "11-resumed-seat");
    });

    [Fact]
    public Task WhenTheServerGoesAway_ThePageShowsABanner_AndRecoversItsSeatWhenItReturns() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var page = await Seat(codes.UA, "Ukraine team");
        await Expect(page.GetByTestId("connection-banner")).ToBeHiddenAsync();

        await StopServerKeepingData();
        await Expect(page.GetByTestId("connection-banner")).ToContainTextAsync("Reconnecting");
        await Screenshots.Save(page, "12-reconnect-banner");

        await StartServerAgain();
        await Expect(page.GetByTestId("connection-banner")).ToBeHiddenAsync();
        // The seat is back: the facilitator's next phase reaches the page without a reload.
        await facilitator.ReloadAsync();
        await Advance(facilitator, "Negotiation");
        await ExpectPhase(page, "Negotiation");
        await Expect(page.GetByTestId("private-UA")).ToContainTextAsync(Secrets["UA"]);
    });

    [Fact]
    public Task AWrongJoinCode_IsExplainedNextToTheCodeField() => Story(async () =>
    {
        var page = await NewPage();
        await page.GotoAsync(Address + "/");
        await page.GetByLabel("Join code").FillAsync("ZZZZ-ZZZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        var error = page.Locator("#join-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveAttributeAsync("role", "alert");
        await Expect(page.GetByLabel("Join code")).ToHaveAttributeAsync("aria-describedby", "join-error");
        await Expect(error).Not.ToContainTextAsync("HubException");
        Assert.Matches(new Regex("code", RegexOptions.IgnoreCase), await error.InnerTextAsync());
        Assert.DoesNotMatch(new Regex("#/game/"), page.Url);
        await Screenshots.Save(page, "13-landing-wrong-code");
    });

    [Fact]
    public Task AFacilitatorOnAnotherComputer_OpensTheConsoleWithTheKey_AndAWrongKeyIsRefusedBesideTheField() => Story(async () =>
    {
        var (first, _) = await NewGame();
        var consoleUrl = first.Url;
        await first.GetByText("Facilitator key (keep it secret)").ClickAsync();
        var key = await first.GetByTestId("facilitator-key").InnerTextAsync();
        var ukraineCode = await first.GetByTestId("join-codes").Locator("code[data-role='UA']").InnerTextAsync();

        var second = await NewPage();
        await second.GotoAsync(consoleUrl);
        await second.GetByRole(AriaRole.Textbox, new() { Name = "Facilitator key" }).FillAsync("not-the-key");
        await second.GetByRole(AriaRole.Button, new() { Name = "Open the console" }).ClickAsync();
        await Expect(second.Locator("#key-error")).ToContainTextAsync("facilitator key");
        await second.GetByRole(AriaRole.Textbox, new() { Name = "Facilitator key" }).FillAsync(key);
        await second.GetByRole(AriaRole.Button, new() { Name = "Open the console" }).ClickAsync();
        await Expect(second.GetByTestId("join-codes").Locator("code[data-role='UA']")).ToHaveTextAsync(ukraineCode);
        await Advance(second, "Negotiation");
        await ExpectPhase(first, "Negotiation");
    });

    [Fact]
    public Task AReleasedSeat_IsToldOnItsNextAction_AndCannotBeResumed() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var page = await Seat(codes.EU, "Wrong team");
        var gameUrl = page.Url;

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Release seat of Wrong team" }).ClickAsync();
        await Expect(facilitator.GetByTestId("seats")).Not.ToContainTextAsync("Wrong team");

        await Tab(page, "Channels");
        await page.GetByLabel("Public statement").FillAsync("Europe stands with Ukraine.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByTestId("seat-lost")).ToContainTextAsync("released your seat");

        await page.GotoAsync(Address + "/");
        await page.GotoAsync(gameUrl);
        await Expect(page.GetByText("This browser holds no seat in this game")).ToBeVisibleAsync();
    });

    [Fact]
    public Task TheFacilitatorSeatsABotOnAnEmptyRole_AndEveryPageSeesItInTheLobby() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var ukraine = await Seat(codes.UA, "Ukraine team");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Bot plays Russia" }).ClickAsync();
        await Expect(facilitator.GetByText("A bot now plays Russia.")).ToBeVisibleAsync();
        var russiaSeats = facilitator.GetByTestId("seats").Locator("tr", new() { HasText = "Russia" });
        await Expect(russiaSeats).ToContainTextAsync("bot");

        await Tab(ukraine, "Table");
        await Expect(ukraine.GetByTestId("seats").Locator("tr", new() { HasText = "Russia" })).ToContainTextAsync("bot");
        await Screenshots.Save(facilitator, "18-lobby-with-bot");
    });
}
