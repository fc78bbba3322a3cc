using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seminar;

/// <summary>
/// A seminar round as a room runs it: students join on their own browsers from what the lobby shows, every page
/// announces what changed, the plan paces the phases, a half-built proposal survives, and the end shows standings.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SeminarFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task AStudentJoinsFromTheLobbysAddressAndCode_HearsEachPhaseAndTheResults_AndSeesWhoHasSubmitted() => Story(async () =>
    {
        var facilitator = await NewPage();
        var warnings = ConsoleWarnings(facilitator);
        var codes = await CreateGame(facilitator, Address);

        // The lobby names the address (this test server listens on loopback, so it also says how to open it to the room)
        // and carries a QR code per join code that opens the join page with the code filled in.
        var address = (await facilitator.GetByTestId("join-address").InnerTextAsync()).Trim();
        Assert.Equal(Address, address);
        await Expect(facilitator.GetByTestId("loopback-warning")).ToContainTextAsync("--urls http://0.0.0.0:5000");
        var uaCode = (await facilitator.GetByTestId("join-codes").Locator("code[data-role='UA']").InnerTextAsync()).Trim();
        await Expect(facilitator.GetByRole(AriaRole.Img, new() { Name = "QR code to join as Ukraine" }))
            .ToHaveAttributeAsync("data-qr", $"{address}/#/join/{uaCode}");

        await Expect(facilitator.GetByRole(AriaRole.Table).Filter(new() { HasText = "Where it stands" })).ToContainTextAsync("this game");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Projector view" }).ClickAsync();
        var projector = facilitator.GetByRole(AriaRole.Dialog, new() { Name = "Projector view" });
        await Expect(projector).ToContainTextAsync(address);
        await Expect(projector.GetByTestId("joined-UA")).ToHaveTextAsync("Nobody yet");

        // A second browser profile, as a student's laptop: the QR code's link, then the code the lobby shows.
        var student = await NewPage();
        var studentWarnings = ConsoleWarnings(student);
        await student.GotoAsync($"{address}/#/join/{uaCode}");
        await Expect(student.GetByLabel("Join code")).ToHaveValueAsync(uaCode);
        await student.GetByLabel("Your name").FillAsync("Ukraine team");
        await student.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(student.GetByTestId("seat-role")).ToContainTextAsync("Ukraine team");
        await Expect(projector.GetByTestId("joined-UA")).ToHaveTextAsync("Ukraine team");
        await Screenshots.Save(facilitator, "30-projector-view");
        await projector.GetByRole(AriaRole.Button, new() { Name = "Close projector view" }).ClickAsync();
        await Expect(projector).ToHaveCountAsync(0);

        var announcer = student.GetByTestId("announcer");
        await Expect(announcer).ToHaveAttributeAsync("role", "status");
        await Advance(facilitator, "Negotiation");
        await Expect(announcer).ToHaveTextAsync("Turn 1: the negotiation phase has begun. Talk and make proposals.");
        await Expect(student.GetByTestId("toasts")).ToContainTextAsync("negotiation phase has begun");

        await Advance(facilitator, "Orders");
        await Expect(announcer).ToHaveTextAsync("Turn 1: the orders phase has begun. Submit your orders.");
        await Expect(student.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Orders") })).ToHaveTextAsync(new Regex(@"^Orders\s*1$"));
        await Tab(student, "Orders");
        await Expect(student.GetByText("Hold keeps the line; fortify raises readiness", new() { Exact = false })).ToBeVisibleAsync();
        await student.GetByRole(AriaRole.Form, new() { Name = "Orders" }).GetByRole(AriaRole.Button, new() { Name = "Submit orders" }).ClickAsync();
        var ticks = student.GetByTestId("ready-ticks");
        await Expect(ticks).ToContainTextAsync("Orders in: 1 of 4");
        await Expect(ticks.Locator("li[data-role='UA']")).ToHaveTextAsync(new Regex("Ukraine: submitted$"));
        await Expect(ticks.Locator("li[data-role='RU']")).ToHaveTextAsync(new Regex("Russia: not yet$"));
        var facilitatorTicks = facilitator.GetByRole(AriaRole.Region, new() { Name = "Orders in" });
        await Expect(facilitatorTicks).ToContainTextAsync("Orders in: 1 of 4");
        await Expect(facilitatorTicks.Locator("li[data-role='UA']")).ToHaveClassAsync("is-ready");

        await Advance(facilitator, "Debrief");
        await Expect(announcer).ToContainTextAsync("Results of turn 1 are in.");
        await Expect(student.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Results") })).ToHaveTextAsync(new Regex(@"^Results\s*1$"));
        await Screenshots.Save(student, "31-player-announcement");

        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        Assert.True(studentWarnings.Count == 0, string.Join("\n", studentWarnings));
    });

    [Fact]
    public Task APlanOfPhaseDeadlines_AdvancesTwoPhasesByItself_AndClearsTheStaleDeadlineNote() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var player = await Seat(codes.RU, "Russia team");

        var controls = facilitator.GetByRole(AriaRole.Region, new() { Name = "Game controls" });
        await controls.GetByLabel("Deadline (minutes from now)").FillAsync("30");
        await controls.GetByRole(AriaRole.Button, new() { Name = "Set deadline" }).ClickAsync();
        await Expect(controls.GetByText("Deadline set.")).ToBeVisibleAsync();

        // Six seconds of negotiation and of orders; briefing and debrief without a deadline.
        var plan = facilitator.GetByRole(AriaRole.Form, new() { Name = "Session plan" });
        await plan.GetByLabel("Negotiation").FillAsync("0.1");
        await plan.GetByLabel("Orders").FillAsync("0.1");
        await plan.GetByLabel("Debrief").FillAsync("");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Apply plan" }).ClickAsync();
        await Expect(plan.GetByTestId("plan-in-force")).ToHaveTextAsync("In force: briefing none, negotiation 0:06, orders 0:06, debrief none.");

        await Advance(facilitator, "Negotiation");
        await Expect(controls.GetByText("Deadline set.")).ToHaveCountAsync(0);
        await Expect(player.GetByTestId("countdown")).ToHaveTextAsync(new Regex(@"^0:0\d left$"));
        // Nobody presses "next phase" from here: the plan closes negotiation, starts the orders clock, and closes orders.
        await ExpectPhase(player, "Orders");
        await ExpectPhase(player, "Debrief");
        await ExpectPhase(facilitator, "Debrief");
        await Expect(player.GetByText("No deadline")).ToBeVisibleAsync();
        await Expect(player.GetByTestId("announcer")).ToContainTextAsync("Results of turn 1 are in.");
    });

    [Fact]
    public Task AHalfBuiltProposal_SurvivesATabSwitchAnUpdateAndAReload() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var ua = await Seat(codes.UA, "Ukraine team");
        await Advance(facilitator, "Negotiation");

        await Tab(ua, "Proposals");
        var builder = ua.GetByRole(AriaRole.Form, new() { Name = "Send proposal" });
        await builder.GetByLabel("Demilitarised zone width (km)").FillAsync("37");
        await builder.GetByLabel("Line of contact").SelectOptionAsync("WithdrawToLine");
        await builder.GetByLabel("Named line").FillAsync("The 2014 line");

        await Tab(ua, "Orders");
        await Tab(facilitator, "Record");
        await facilitator.GetByLabel("Public statement").FillAsync("Ten minutes to the orders phase.");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(ua.GetByTestId("announcer")).ToHaveTextAsync("The facilitator says: Ten minutes to the orders phase.");
        await Tab(ua, "Proposals");
        await Expect(builder.GetByLabel("Demilitarised zone width (km)")).ToHaveValueAsync("37");

        await ua.ReloadAsync();
        await Tab(ua, "Proposals");
        await Expect(builder.GetByLabel("Demilitarised zone width (km)")).ToHaveValueAsync("37");
        await Expect(builder.GetByLabel("Named line")).ToHaveValueAsync("The 2014 line");
    });

    [Fact]
    public Task RevealingAsksFirst_AndEveryPageShowsTheFinalStandings() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var ua = await Seat(codes.UA, "Ukraine team");
        var observer = await Seat(codes.Observer, "Press");
        await Advance(facilitator, "Negotiation");
        await Advance(facilitator, "Orders");
        await Advance(facilitator, "Debrief");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "End game" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Yes, end the game" }).ClickAsync();
        await Expect(ua.GetByTestId("announcer")).ToHaveTextAsync("The game has ended. The final standings are at the top of the page.");
        foreach (var page in new[] { facilitator, ua, observer })
        {
            var standings = page.GetByRole(AriaRole.Region, new() { Name = "Final standings" });
            await Expect(standings).ToContainTextAsync("1 of 4 turns were played.");
        }
        var own = ua.GetByRole(AriaRole.Region, new() { Name = "Final standings" });
        await Expect(own.Locator("li[data-role]")).ToHaveCountAsync(1);
        await Expect(own.Locator("li[data-role='UA']")).ToContainTextAsync("Ukraine:");
        await Expect(facilitator.GetByRole(AriaRole.Region, new() { Name = "Final standings" }).Locator("li[data-role]")).ToHaveCountAsync(4);

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Reveal all records" }).ClickAsync();
        var confirm = facilitator.GetByRole(AriaRole.Group, new() { Name = "Confirm revealing every private record" });
        await Expect(confirm).ToContainTextAsync("cannot be undone");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Not yet" }).ClickAsync();
        await Expect(own.Locator("li[data-role]")).ToHaveCountAsync(1);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Reveal all records" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, reveal everything" }).ClickAsync();
        await Expect(own.Locator("li[data-role]")).ToHaveCountAsync(4);
        await Expect(observer.GetByRole(AriaRole.Region, new() { Name = "Final standings" }).Locator("li[data-role]")).ToHaveCountAsync(4);
        await Screenshots.Save(ua, "32-final-standings");
    });
}
