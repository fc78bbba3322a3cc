using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Facilitation;

/// <summary>The facilitator's clock reaches every page: deadlines count down, extensions add time, a pause stops play.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClockTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task DeadlineExtensionAndPause_ShowOnThePlayersPage_AndAPausedMessageIsRefusedBesideTheDraft() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var player = await Seat(codes.UA, "Ukraine team");
        await Advance(facilitator, "Negotiation");

        var controls = facilitator.GetByRole(AriaRole.Region, new() { Name = "Game controls" });
        await controls.GetByLabel("Deadline (minutes from now)").FillAsync("10");
        await controls.GetByRole(AriaRole.Button, new() { Name = "Set deadline" }).ClickAsync();
        await Expect(controls.GetByText("Deadline set.")).ToBeVisibleAsync();
        var countdown = player.GetByTestId("countdown");
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^(9:[0-5]\d|10:00) left$"));

        await controls.GetByRole(AriaRole.Button, new() { Name = "+5 min" }).ClickAsync();
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^(14:[0-5]\d|15:00) left$"));

        await controls.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^Paused \((14:[0-5]\d|15:00) left\)$"));
        await Expect(player.GetByText("The facilitator has paused the game.")).ToBeVisibleAsync();

        await Tab(player, "Channels");
        await player.GetByLabel("Public statement").FillAsync("We are ready to sign today.");
        await player.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var compose = player.Locator("form.compose");
        await Expect(compose.GetByRole(AriaRole.Alert)).ToContainTextAsync("paused");
        await Expect(player.GetByLabel("Public statement")).ToHaveValueAsync("We are ready to sign today.");
        await Screenshots.Save(player, "17-paused-refusal-beside-draft");

        await controls.GetByRole(AriaRole.Button, new() { Name = "Resume play" }).ClickAsync();
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^(14:[0-5]\d|15:00) left$"));
        await player.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(player.GetByRole(AriaRole.List, new() { Name = "Messages in Public" })).ToContainTextAsync("ready to sign today");
        await Expect(player.GetByLabel("Public statement")).ToHaveValueAsync("");
    });

    [Fact]
    public Task WhenTheOrdersDeadlinePasses_TheTurnResolvesWithoutTheFacilitator() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var russia = await Seat(codes.RU, "Russia team");
        await Advance(facilitator, "Negotiation");
        await Advance(facilitator, "Orders");

        await Tab(russia, "Orders");
        var orders = russia.GetByRole(AriaRole.Form, new() { Name = "Orders" });
        await orders.GetByLabel("Posture").SelectOptionAsync("Probe");
        await orders.GetByRole(AriaRole.Button, new() { Name = "Submit orders" }).ClickAsync();
        await Expect(russia.GetByTestId("submitted-orders")).ToBeVisibleAsync();

        // Six seconds for everyone else; nobody presses "next phase".
        var controls = facilitator.GetByRole(AriaRole.Region, new() { Name = "Game controls" });
        await controls.GetByLabel("Deadline (minutes from now)").FillAsync("0.1");
        await controls.GetByRole(AriaRole.Button, new() { Name = "Set deadline" }).ClickAsync();
        await Expect(russia.GetByTestId("countdown")).ToHaveTextAsync(new Regex(@"^0:0\d left$"));
        await ExpectPhase(russia, "Debrief");
        await ExpectPhase(facilitator, "Debrief");
        await Tab(russia, "Results");
        await Expect(russia.GetByRole(AriaRole.Region, new() { Name = "Results of turn 1" })).ToBeVisibleAsync();
    });
}
