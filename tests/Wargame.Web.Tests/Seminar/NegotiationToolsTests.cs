using System.Globalization;
using Microsoft.Playwright;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seminar;

/// <summary>The negotiating tools a team leans on: the guarantee builder's preview, and a counter-proposal's draft.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NegotiationToolsTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>The domain's preview of <paramref name="terms"/> at the start of the web seminar (it reads public state only, not the seed).</summary>
    private static GuaranteePreview Expected(GuaranteeTerms terms)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "TestScenarios", "web-seminar.yaml");
        var scenario = ScenarioParser.Parse(Path.GetFileName(file), File.ReadAllText(file)).Scenario!;
        return GuaranteePreviews.For(Rules.Begin(Rules.Start(scenario, 1)), Role.US, terms).Preview!;
    }

    private static string Two(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public Task TheGuaranteeBuilder_ShowsTheServersPreviewOfTheTerms_AndWhatItAssumes() => Story(async () =>
    {
        var (_, codes) = await NewGame();
        var us = await Seat(codes.US, "US team");

        await Tab(us, "Proposals");
        var builder = us.GetByRole(AriaRole.Form, new() { Name = "Send proposal" });
        await builder.GetByLabel("Security guarantee").CheckAsync();
        var preview = builder.GetByRole(AriaRole.Region, new() { Name = "What these terms would give" });
        var verbal = Expected(new GuaranteeTerms { Guarantors = [Role.US] });
        await Expect(preview.Locator("tr[data-guarantor='US'] td").First).ToHaveTextAsync(Two(verbal.Guarantors[0].Commitment));

        await builder.GetByLabel("Europe guarantees").CheckAsync();
        await builder.GetByLabel("Legal form").SelectOptionAsync("ExecutiveAgreement");
        await builder.GetByLabel("Trigger").SelectOptionAsync("Automatic");
        await builder.GetByLabel("United States troops", new() { Exact = true }).FillAsync("40000");
        var joint = Expected(new GuaranteeTerms
        {
            Guarantors = [Role.US, Role.EU],
            LegalForm = LegalForm.ExecutiveAgreement,
            Trigger = Trigger.Automatic,
            Tripwires = [new Tripwire(Role.US, 40_000, TripwireLocation.Rear)],
        });
        foreach (var g in joint.Guarantors)
        {
            var cells = preview.Locator($"tr[data-guarantor='{g.Guarantor}'] td");
            await Expect(cells.Nth(0)).ToHaveTextAsync(Two(g.Commitment));
            await Expect(cells.Nth(1)).ToHaveTextAsync(Two(g.Credibility));
        }
        Assert.NotEqual(Two(verbal.Guarantors[0].Commitment), Two(joint.Guarantors[0].Commitment));
        await Expect(preview.GetByTestId("deterrence-with")).ToHaveTextAsync(Two(joint.DeterrenceWith));
        var assumptions = preview.GetByRole(AriaRole.List, new() { Name = "Assumptions of the preview" });
        await Expect(assumptions).ToContainTextAsync("United States stations the 40,000 troops the terms name");

        await builder.GetByLabel("Public (announced to every team)").UncheckAsync();
        await Expect(preview.GetByTestId("deterrence-with")).ToHaveTextAsync(Two(joint.DeterrenceNow));
        await Expect(assumptions).ToContainTextAsync("A secret guarantee deters nothing");
        await preview.ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(us, "33-guarantee-preview");
    });

    [Fact]
    public Task AHalfBuiltCounterProposal_SurvivesATabSwitchAnUpdateAndAReload() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var ua = await Seat(codes.UA, "Ukraine team");
        var ru = await Seat(codes.RU, "Russia team");
        await Advance(facilitator, "Negotiation");
        await Tab(ua, "Proposals");
        var builder = ua.GetByRole(AriaRole.Form, new() { Name = "Send proposal" });
        await builder.GetByLabel("Demilitarised zone width (km)").FillAsync("10");
        await builder.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
        await Expect(builder.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposal sent");

        await Tab(ru, "Proposals");
        var offer = ru.Locator("li.proposal[data-status='Proposed']");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Counter" }).ClickAsync();
        var counter = ru.GetByRole(AriaRole.Form, new() { Name = "Send counter-proposal" });
        await counter.GetByLabel("Demilitarised zone width (km)").FillAsync("45");
        await counter.GetByLabel("Line of contact").SelectOptionAsync("WithdrawToLine");
        await counter.GetByLabel("Named line").FillAsync("The Dnipro");

        await Tab(ru, "Orders");
        await Tab(facilitator, "Record");
        await facilitator.GetByLabel("Public statement").FillAsync("Five minutes left to negotiate.");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(ru.GetByTestId("announcer")).ToHaveTextAsync("The facilitator says: Five minutes left to negotiate.");
        await Tab(ru, "Proposals");
        await Expect(counter.GetByLabel("Demilitarised zone width (km)")).ToHaveValueAsync("45");

        await ru.ReloadAsync();
        await Tab(ru, "Proposals");
        await Expect(counter.GetByLabel("Demilitarised zone width (km)")).ToHaveValueAsync("45");
        await Expect(counter.GetByLabel("Named line")).ToHaveValueAsync("The Dnipro");
        // The new-proposal builder keeps its own draft: the counter's terms do not leak into it.
        await Expect(ru.GetByRole(AriaRole.Form, new() { Name = "Send proposal" }).GetByLabel("Demilitarised zone width (km)")).ToHaveValueAsync("0");

        await counter.GetByRole(AriaRole.Button, new() { Name = "Send counter-proposal" }).ClickAsync();
        var sent = ru.Locator("li.proposal", new() { HasText = "counters #" });
        await Expect(sent.GetByTestId("changes").Locator("li")).ToHaveTextAsync(
            ["Line of contact: Freeze the current line → Withdraw to The Dnipro", "Demilitarised zone: 10 km → 45 km"]);
        await ru.ReloadAsync();
        await Tab(ru, "Proposals");
        await Expect(ru.Locator("li.proposal", new() { HasText = "counters #" })).ToBeVisibleAsync();
        await Expect(ru.GetByRole(AriaRole.Form, new() { Name = "Send counter-proposal" })).ToHaveCountAsync(0);
    });
}
