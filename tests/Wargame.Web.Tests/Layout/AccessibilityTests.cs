using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Layout;

/// <summary>Readable at 1280×800 and on a phone, usable from the keyboard, every control labelled.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string[] PlayerTabs = ["Briefing", "Channels", "Proposals", "Orders", "Results", "Table"];
    private static readonly string[] ConsoleTabs = ["Lobby", "Record", "Proposals", "Orders", "Results", "Injects", "Charts", "Private records"];

    [Fact]
    public Task AStudentJoinsAndMovesBetweenTabs_WithTheKeyboardAlone() => Story(async () =>
    {
        var (_, codes) = await NewGame();

        var page = await NewPage();
        await page.GotoAsync(Address + "/");
        await Expect(page.GetByLabel("Join code")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Join code")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(codes.EU);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Your name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Europe team");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#/game/"));

        await page.GetByRole(AriaRole.Tab, new() { Name = "Briefing" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Channels") })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Channels") })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Proposals") })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Tabpanel).Locator(":focus")).ToHaveCountAsync(1);
    });

    [Theory]
    [InlineData(1280, 800, "wide")]
    [InlineData(390, 844, "phone")]
    public Task EveryScreen_FitsTheWidth_AndLabelsEveryControl(int width, int height, string name) => Story(async () =>
    {
        var facilitator = await NewPage(width, height);
        await facilitator.GotoAsync(Address + "/");
        await ExpectFitsAndLabelled(facilitator, "landing");
        var codes = await CreateGame(facilitator, Address);

        var player = await Seat(codes.US, "United States team", width, height);
        foreach (var tab in PlayerTabs)
        {
            await Tab(player, tab);
            await ExpectFitsAndLabelled(player, $"player {tab}");
        }
        await Tab(player, "Proposals");
        await Screenshots.Save(player, $"14-{name}-player-proposals");
        await Tab(player, "Briefing");
        await Screenshots.Save(player, $"15-{name}-player-briefing");

        foreach (var tab in ConsoleTabs)
        {
            await Tab(facilitator, tab);
            await ExpectFitsAndLabelled(facilitator, $"console {tab}");
        }
        await Tab(facilitator, "Lobby");
        await Screenshots.Save(facilitator, $"16-{name}-facilitator-console");
    }, $"{nameof(EveryScreen_FitsTheWidth_AndLabelsEveryControl)}-{name}");

    /// <summary>No sideways scrolling, and every input, select and textarea has a name a screen reader reads out.</summary>
    private static async Task ExpectFitsAndLabelled(IPage page, string screen)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var culprits = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                .map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8)");
            Assert.Fail($"The {screen} screen scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px: {string.Join(", ", culprits)}");
        }
        var unlabelled = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('input, select, textarea, button')]
            .filter(e => e.offsetParent !== null)
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
            .map(e => e.outerHTML.slice(0, 120))");
        Assert.True(unlabelled.Length == 0, $"Unlabelled controls on the {screen} screen: {string.Join(" ", unlabelled)}");
    }
}
