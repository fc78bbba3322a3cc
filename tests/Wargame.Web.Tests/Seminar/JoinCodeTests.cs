using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seminar;

/// <summary>The facilitator replaces a team's join code from the lobby: the old code stops joining, the new one joins.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JoinCodeTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task ANewCode_AskedForAndConfirmed_Joins_AndTheOldOneNoLongerDoes() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        var shown = facilitator.GetByTestId("join-codes").Locator("code[data-role='UA']");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "New code for Ukraine" }).ClickAsync();
        var confirm = facilitator.GetByRole(AriaRole.Group, new() { Name = "Confirm a new code for Ukraine" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(shown).ToHaveTextAsync(codes.UA);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "New code for Ukraine" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, new code" }).ClickAsync();
        await Expect(facilitator.GetByText("Ukraine have a new code; the old one no longer works.")).ToBeVisibleAsync();
        await Expect(shown).Not.ToHaveTextAsync(codes.UA);
        var fresh = (await shown.InnerTextAsync()).Trim();
        Assert.NotEqual(codes.UA, fresh);
        Assert.Equal(codes.US, (await facilitator.GetByTestId("join-codes").Locator("code[data-role='US']").InnerTextAsync()).Trim());

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Projector view" }).ClickAsync();
        await Expect(facilitator.GetByTestId("projector").GetByRole(AriaRole.Region, new() { Name = "Ukraine" }).Locator("code")).ToHaveTextAsync(fresh);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Close projector view" }).ClickAsync();
        await facilitator.ReloadAsync();
        await Expect(shown).ToHaveTextAsync(fresh);

        var student = await NewPage();
        await student.GotoAsync(Address + "/");
        await student.GetByLabel("Join code").FillAsync(codes.UA);
        await student.GetByLabel("Your name").FillAsync("Late Ukrainian");
        await student.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(student.GetByRole(AriaRole.Alert)).ToContainTextAsync("That join code is not valid. Check it with your facilitator.");
        await Join(student, Address, fresh, "Late Ukrainian");
        await Expect(student.GetByTestId("seat-role")).ToContainTextAsync("Ukraine");
    });
}
