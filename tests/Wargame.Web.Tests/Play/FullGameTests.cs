using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Play;

/// <summary>
/// Issue 5's seminar game through the UI only: create, join four roles, negotiate and sign a ceasefire and a
/// guarantee, orders for three turns, a Russian offensive that tests the guarantee, an adjustment with a reason,
/// an inject, the end and reveal, the replay viewer stepping and switching audience, export, import and a fork.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FullGameTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly Dictionary<string, IPage> _roles = [];
    private IPage _facilitator = null!;

    [Fact]
    public Task SeminarGame_IsPlayedReplayedAndForkedThroughTheBrowser() => Story(PlaySeminarGame);

    private async Task PlaySeminarGame()
    {
        _facilitator = await NewPage();
        var codes = await CreateGame(_facilitator, Address);
        foreach (var role in Roles)
        {
            var page = await NewPage();
            await Join(page, Address, codes.For(role), $"{Names[role]} team");
            _roles[role] = page;
        }
        var observer = await NewPage();
        await Join(observer, Address, codes.Observer, "Visiting professor");
        await Expect(observer.GetByTestId("public-record")).ToContainTextAsync("Ukraine holds the line");
        Assert.DoesNotContain("SECRET-", await observer.ContentAsync());

        await Tab(_facilitator, "Lobby");
        foreach (var role in Roles)
            await Expect(_facilitator.GetByTestId("seats")).ToContainTextAsync($"{Names[role]} team");
        await Screenshots.Save(_facilitator, "01-facilitator-lobby");
        await Expect(_roles["UA"].GetByTestId("intelligence-UA")).ToContainTextAsync("Russia's");
        await Screenshots.Save(_roles["UA"], "02-player-briefing");

        // Turn 1: negotiate in channels and sign a ceasefire and a guarantee.
        await Advance(_facilitator, "Negotiation");
        await ChannelsKeepDraftsAndCountUnread();
        await NegotiateCeasefire();
        await NegotiateGuaranteeWithCounter();
        await Screenshots.Save(_roles["US"], "03-player-proposals", fullPage: true);

        await Advance(_facilitator, "Orders");
        foreach (var page in _roles.Values)
        {
            await Tab(page, "Briefing");
            await Expect(page.Locator("[data-agreement-id][data-status='InForce']")).ToHaveCountAsync(2);
        }
        await SubmitOrders(new() { ["UA"] = "Hold", ["RU"] = "Comply" });
        await Tab(_roles["RU"], "Orders");
        await Screenshots.Save(_roles["RU"], "04-player-orders");
        await Advance(_facilitator, "Debrief");
        await ExpectResults(turn: 1);

        // Turn 2: Russia attacks; the offensive violates the ceasefire and tests the guarantee.
        await Advance(_facilitator, "Briefing");
        await Advance(_facilitator, "Negotiation");
        await Advance(_facilitator, "Orders");
        await Tab(_roles["RU"], "Orders");
        await Expect(_roles["RU"].GetByTestId("standing-orders")).ToContainTextAsync("Comply");
        await SubmitOrders(new() { ["UA"] = "Fortify", ["RU"] = "LimitedOffensive" });
        await Advance(_facilitator, "Debrief");
        await ExpectResults(turn: 2);
        await Tab(_roles["UA"], "Results");
        await Expect(_roles["UA"].GetByTestId("results")).ToContainTextAsync("Guarantee tested");
        await Expect(_roles["UA"].GetByTestId("roll").Filter(new() { HasText = "against threshold" }).First).ToBeVisibleAsync();
        await Screenshots.Save(_roles["UA"], "05-player-results");
        await _roles["UA"].GetByText(new Regex("^Rules table")).ClickAsync();
        await Expect(_roles["UA"].Locator("details.rules")).ToContainTextAsync("Leeds");

        // The facilitator adjusts the offensive's roll with a reason, then fires a card from the deck.
        await Tab(_facilitator, "Results");
        var adjust = _facilitator.GetByRole(AriaRole.Form, new() { Name = "Adjust an adjudication" });
        await adjust.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = (await OptionLabel(adjust, "Limited offensive"))! });
        await adjust.GetByLabel("Reason").FillAsync("Seminar ruling: the offensive ran short of artillery shells.");
        await adjust.GetByRole(AriaRole.Button, new() { Name = "Adjust" }).ClickAsync();
        await Expect(adjust.GetByRole(AriaRole.Status)).ToContainTextAsync("Adjustment recorded");
        await Expect(_facilitator.GetByTestId("results")).ToContainTextAsync("ran short of artillery shells");
        await Screenshots.Save(_facilitator, "06-facilitator-adjust");

        await Tab(_facilitator, "Injects");
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Fire card" }).ClickAsync();
        await Expect(_facilitator.GetByText("Inject fired.")).ToBeVisibleAsync();
        var free = _facilitator.GetByRole(AriaRole.Region, new() { Name = "Free-text inject" });
        await free.GetByLabel("Title").FillAsync("Election called in Washington");
        await free.GetByLabel("What happens").FillAsync("Congress turns its attention to the campaign.");
        await free.GetByRole(AriaRole.Button, new() { Name = "Add effect" }).ClickAsync();
        await free.GetByLabel("Quantity 1").SelectOptionAsync("US.congressMood");
        await Expect(free.GetByText("Kept between 0 to 1; the change is added and clamped.")).ToBeVisibleAsync();
        await free.GetByLabel("Change 1").FillAsync("-0.1");
        await free.GetByRole(AriaRole.Button, new() { Name = "Send inject" }).ClickAsync();
        await Expect(free.GetByText("Inject sent to every table.")).ToBeVisibleAsync();
        await Tab(_roles["EU"], "Briefing");
        await Expect(_roles["EU"].GetByTestId("injects")).ToContainTextAsync("Drone strike on Kyiv");
        await Expect(_roles["EU"].GetByTestId("injects")).ToContainTextAsync("Election called in Washington");
        await Expect(observer.GetByTestId("injects")).ToContainTextAsync("Drone strike on Kyiv");

        // Turn 3: the guarantors answer the test in their orders.
        await Advance(_facilitator, "Briefing");
        await Advance(_facilitator, "Negotiation");
        await Advance(_facilitator, "Orders");
        foreach (var guarantor in new[] { "US", "EU" })
        {
            await Tab(_roles[guarantor], "Orders");
            await Expect(_roles[guarantor].GetByRole(AriaRole.Alert).First).ToContainTextAsync("was tested");
        }
        await SubmitOrders(new() { ["UA"] = "Hold", ["RU"] = "Comply", ["US"] = "Fight", ["EU"] = "Limited" });
        await Advance(_facilitator, "Debrief");
        await ExpectResults(turn: 3);
        await Tab(_roles["UA"], "Briefing");
        await Expect(_roles["UA"].Locator("[data-agreement-id][data-status='Tested']")).ToHaveCountAsync(1);
        await Tab(_facilitator, "Charts");
        await Expect(_facilitator.GetByTestId("charts")).ToContainTextAsync("Credibility per guarantee");
        await Screenshots.Save(_facilitator, "07-facilitator-charts", fullPage: true);
        await Screenshots.Save(observer, "08-observer", fullPage: true);

        // The end and the reveal: every private record opens to every page.
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "End game" }).ClickAsync();
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Yes, end the game" }).ClickAsync();
        await Expect(_facilitator.GetByTestId("phase")).ToHaveTextAsync("Game over");
        await Expect(_roles["UA"].GetByTestId("game-ended")).ToBeVisibleAsync();
        Assert.DoesNotContain(Secrets["RU"], await _roles["UA"].ContentAsync());
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Reveal all records" }).ClickAsync();
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Yes, reveal everything" }).ClickAsync();
        await Tab(_roles["UA"], "Briefing");
        await Expect(_roles["UA"].GetByTestId("private-RU")).ToContainTextAsync(Secrets["RU"]);

        var exported = await ExportFromConsole();
        await ReplayStepsAndSwitchesAudience();
        await ForkFromTurnTwo();
        await ImportedFileReplays(exported);
    }

    private async Task ChannelsKeepDraftsAndCountUnread()
    {
        var ua = _roles["UA"];
        var ru = _roles["RU"];
        var us = _roles["US"];
        await Tab(ua, "Channels");
        await ua.Locator("[data-channel='public']").ClickAsync();
        await ua.GetByLabel("Public statement").FillAsync("Ukraine will not trade territory for");

        await Tab(ru, "Channels");
        await ru.GetByLabel("Public statement").FillAsync("Russia is ready to talk about a ceasefire.");
        await ru.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(ua.GetByRole(AriaRole.List, new() { Name = "Messages in Public" })).ToContainTextAsync("Russia is ready to talk");
        // The half-typed statement survived the new message.
        await Expect(ua.GetByLabel("Public statement")).ToHaveValueAsync("Ukraine will not trade territory for");

        await ua.Locator("[data-channel='UA-US']").ClickAsync();
        await ua.GetByLabel("Message to United States").FillAsync("Can you put troops on the ground?");
        await ua.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(ua.GetByRole(AriaRole.List, new() { Name = "Messages in United States" })).ToContainTextAsync("troops on the ground");
        // The United States has two unread messages (Russia's statement, Ukraine's private one); Russia never sees the private one.
        await Expect(us.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Channels") })).ToHaveTextAsync(new Regex(@"^Channels\s*2$"));
        await Tab(us, "Channels");
        await Expect(us.Locator("[data-channel='UA-US']")).ToContainTextAsync("1");
        await us.Locator("[data-channel='UA-US']").ClickAsync();
        await Expect(us.GetByRole(AriaRole.List, new() { Name = "Messages in Ukraine" })).ToContainTextAsync("troops on the ground");
        Assert.DoesNotContain("troops on the ground", await ru.ContentAsync());

        await ua.Locator("[data-channel='public']").ClickAsync();
        await Expect(ua.GetByLabel("Public statement")).ToHaveValueAsync("Ukraine will not trade territory for");
        await Screenshots.Save(ua, "09-player-channels");
    }

    private async Task NegotiateCeasefire()
    {
        var ua = _roles["UA"];
        await Tab(ua, "Proposals");
        var builder = ua.GetByRole(AriaRole.Form, new() { Name = "Send proposal" });
        await builder.GetByLabel("Ceasefire agreement").CheckAsync();
        await builder.GetByLabel("Demilitarised zone width (km)").FillAsync("15");
        await builder.GetByLabel("Monitoring", new() { Exact = true }).SelectOptionAsync("UnarmedMonitors");
        await builder.GetByLabel("Monitors from").FillAsync("OSCE");
        await builder.GetByLabel("Text specificity").SelectOptionAsync("Specific");
        await builder.GetByLabel("Joint commission").CheckAsync();
        await builder.GetByLabel("Prisoner exchange").CheckAsync();
        await builder.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
        await Expect(builder.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposal sent");

        var ru = _roles["RU"];
        await Tab(ru, "Proposals");
        var offer = ru.Locator("li.proposal", new() { HasText = "Ceasefire agreement" });
        await Expect(offer).ToContainTextAsync("OSCE");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(ua.Locator("li.proposal[data-status='Accepted']", new() { HasText = "Ceasefire agreement" })).ToBeVisibleAsync();
    }

    private async Task NegotiateGuaranteeWithCounter()
    {
        var us = _roles["US"];
        await Tab(us, "Proposals");
        var builder = us.GetByRole(AriaRole.Form, new() { Name = "Send proposal" });
        await builder.GetByLabel("Security guarantee").CheckAsync();
        await builder.GetByLabel("Europe guarantees").CheckAsync();
        await builder.GetByLabel("Legal form").SelectOptionAsync("ExecutiveAgreement");
        await builder.GetByLabel("Trigger").SelectOptionAsync("Automatic");
        await builder.GetByLabel("United States troops", new() { Exact = true }).FillAsync("5000");
        await builder.GetByLabel("Europe troops", new() { Exact = true }).FillAsync("10000");
        await builder.GetByLabel("Economic stake").SelectOptionAsync("MineralsDeal");
        await builder.GetByLabel("Arms and intelligence support").CheckAsync();
        await builder.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
        await Expect(builder.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposal sent");

        // Europe counters (its troops to the contact line), which counts as its acceptance; the United States and Ukraine accept.
        var eu = _roles["EU"];
        await Tab(eu, "Proposals");
        var offer = eu.Locator("li.proposal[data-status='Proposed']", new() { HasText = "Security guarantee" });
        await offer.GetByRole(AriaRole.Button, new() { Name = "Counter" }).ClickAsync();
        var counter = eu.GetByRole(AriaRole.Form, new() { Name = "Send counter-proposal" });
        await counter.GetByLabel("Europe troop location").SelectOptionAsync("ContactLine");
        await counter.GetByRole(AriaRole.Button, new() { Name = "Send counter-proposal" }).ClickAsync();
        var counterOffer = eu.Locator("li.proposal", new() { HasText = "counters #" });
        await Expect(counterOffer).ToContainTextAsync("Europe 10,000 troops (contact line)");
        await Expect(counterOffer).ToContainTextAsync("Europe ✓ accepted");
        foreach (var role in new[] { "US", "UA" })
        {
            var page = _roles[role];
            await Tab(page, "Proposals");
            var item = page.Locator("li.proposal[data-status='Proposed']", new() { HasText = "counters #" });
            await item.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        }
        await Expect(us.Locator("li.proposal[data-status='Accepted']", new() { HasText = "Security guarantee" })).ToBeVisibleAsync();
        await Expect(us.Locator("li.proposal[data-status='Countered']")).ToHaveCountAsync(1);
    }

    /// <summary>Each role submits orders: postures for Ukraine and Russia, test responses for the guarantors.</summary>
    private async Task SubmitOrders(Dictionary<string, string> choices)
    {
        foreach (var (role, page) in _roles)
        {
            await Tab(page, "Orders");
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Orders" });
            if (role is "UA" or "RU")
            {
                await form.GetByLabel("Posture").SelectOptionAsync(choices[role]);
            }
            else
            {
                await form.GetByLabel("Arms and intelligence").CheckAsync();
                if (choices.TryGetValue(role, out var response))
                    await form.GetByLabel(new Regex("^Response")).SelectOptionAsync(response);
            }
            await form.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("(Submit|Replace) orders") }).ClickAsync();
            await Expect(page.GetByTestId("submitted-orders")).ToBeVisibleAsync();
        }
    }

    private async Task ExpectResults(int turn)
    {
        foreach (var page in _roles.Values.Append(_facilitator))
        {
            await ExpectPhase(page, "Debrief");
            await Tab(page, "Results");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = $"Results of turn {turn}" })).ToBeVisibleAsync();
        }
        await Expect(_roles["RU"].GetByTestId("scores")).ToContainTextAsync("Russia:");
        Assert.DoesNotContain("Ukraine:", await _roles["RU"].GetByTestId("scores").InnerTextAsync());
    }

    private async Task<string> ExportFromConsole()
    {
        var download = await _facilitator.RunAndWaitForDownloadAsync(() =>
            _facilitator.GetByRole(AriaRole.Button, new() { Name = "Export saved game" }).ClickAsync());
        var path = Path.Combine(Server.DataDirectory, "exported.json");
        await download.SaveAsAsync(path);
        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal("gameStarted", saved.RootElement.GetProperty("events")[0].GetProperty("type").GetString());
        Assert.Equal("web-seminar", saved.RootElement.GetProperty("scenario").GetString());
        return path;
    }

    private async Task ReplayStepsAndSwitchesAudience()
    {
        await _facilitator.GetByRole(AriaRole.Link, new() { Name = "Open replay" }).ClickAsync();
        var step = _facilitator.GetByTestId("replay-step");
        await Expect(step).ToContainTextAsync("(game over)");

        // Back to the start of turn 1, as the public: no secrets at all.
        var previousTurn = _facilitator.GetByRole(AriaRole.Button, new() { Name = "Previous turn" });
        while (await previousTurn.IsEnabledAsync())
        {
            var before = await step.InnerTextAsync();
            await previousTurn.ClickAsync();
            await Expect(step).Not.ToHaveTextAsync(before);
        }
        await Expect(step).ToContainTextAsync("turn 1, briefing");
        await Expect(_facilitator.GetByTestId("replay-view")).ToContainTextAsync("Ukraine holds the line");
        Assert.DoesNotContain("SECRET-", await _facilitator.GetByTestId("replay-view").InnerTextAsync());

        // As Russia in turn 1: what Russia knew then, its own secret and no one else's.
        await _facilitator.GetByRole(AriaRole.Radio, new() { Name = "Russia" }).CheckAsync();
        await Expect(_facilitator.GetByTestId("private-RU")).ToContainTextAsync(Secrets["RU"]);
        Assert.DoesNotContain(Secrets["UA"], await _facilitator.GetByTestId("replay-view").InnerTextAsync());

        // Phase by phase into the negotiation: the private channel Russia was not in stays hidden.
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Next phase" }).ClickAsync();
        await Expect(step).ToContainTextAsync("turn 1, negotiation");
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Next turn", Exact = true }).ClickAsync();
        await Expect(step).ToContainTextAsync("turn 2, briefing");
        await Expect(_facilitator.GetByTestId("replay-view")).ToContainTextAsync("Russia is ready to talk");
        Assert.DoesNotContain("troops on the ground", await _facilitator.GetByTestId("replay-view").InnerTextAsync());

        // Everything: the facilitator's whole record at that moment.
        await _facilitator.GetByRole(AriaRole.Radio, new() { Name = "Everything" }).CheckAsync();
        await Expect(_facilitator.GetByTestId("replay-view")).ToContainTextAsync("troops on the ground");
        await Expect(_facilitator.GetByTestId("private-UA")).ToContainTextAsync(Secrets["UA"]);
        await Screenshots.Save(_facilitator, "10-replay-viewer");
    }

    private async Task ForkFromTurnTwo()
    {
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Fork a new game from turn 2" }).ClickAsync();
        await Expect(_facilitator).ToHaveURLAsync(new Regex("#/facilitate/"));
        await Expect(_facilitator.GetByTestId("turn")).ToHaveTextAsync("Turn 2 of 4");
        await Expect(_facilitator.GetByTestId("phase")).ToHaveTextAsync("Briefing");
        // The fork keeps the agreements signed in turn 1 and is a live game with its own codes.
        await Tab(_facilitator, "Record");
        await Expect(_facilitator.Locator("[data-agreement-id][data-status='InForce']")).ToHaveCountAsync(2);
        await Tab(_facilitator, "Lobby");
        await Expect(_facilitator.GetByTestId("join-codes").Locator("code[data-role='UA']")).Not.ToHaveTextAsync("");
        await Advance(_facilitator, "Negotiation");
    }

    private async Task ImportedFileReplays(string exported)
    {
        var instructor = await NewPage();
        await instructor.GotoAsync(Address + "/");
        await instructor.GetByLabel("Saved-game file (.json)").SetInputFilesAsync(exported);
        await Expect(instructor).ToHaveURLAsync(new Regex("#/replay/"));
        await Expect(instructor.GetByTestId("replay-step")).ToContainTextAsync("(game over)");
        await instructor.GetByRole(AriaRole.Radio, new() { Name = "United States" }).CheckAsync();
        await Expect(instructor.GetByTestId("private-US")).ToContainTextAsync(Secrets["US"]);
    }

    private static async Task<string?> OptionLabel(ILocator form, string containing)
    {
        var labels = await form.GetByLabel("Outcome").Locator("option").AllInnerTextsAsync();
        return labels.FirstOrDefault(l => l.Contains(containing, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No outcome mentions '{containing}': {string.Join(" | ", labels)}");
    }
}
