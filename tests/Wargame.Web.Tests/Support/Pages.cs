using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wargame.Web.Tests.Support;

public sealed record JoinCodes(string UA, string RU, string US, string EU, string Observer)
{
    public string For(string role) => role switch
    {
        "UA" => UA,
        "RU" => RU,
        "US" => US,
        "EU" => EU,
        _ => Observer,
    };
}

/// <summary>What a person does on the pages, in the words of the labels they read. No test reaches around the UI.</summary>
public static class Pages
{
    public static readonly string[] Roles = ["UA", "RU", "US", "EU"];

    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["UA"] = "SECRET-UA-7731",
        ["RU"] = "SECRET-RU-4410",
        ["US"] = "SECRET-US-9902",
        ["EU"] = "SECRET-EU-1288",
    };

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["UA"] = "Ukraine",
        ["RU"] = "Russia",
        ["US"] = "United States",
        ["EU"] = "Europe",
    };

    /// <summary>The facilitator picks the scenario on the landing page and creates the game; returns the codes the console shows.</summary>
    public static async Task<JoinCodes> CreateGame(IPage facilitator, string address, string scenarioTitle = "Web seminar")
    {
        await facilitator.GotoAsync(address + "/");
        await facilitator.GetByRole(AriaRole.Radio, new() { Name = scenarioTitle }).CheckAsync();
        await Expect(facilitator.GetByTestId("scenario-summary")).ToContainTextAsync("seminar game for the browser tests");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Create game" }).ClickAsync();
        // Routes are hash changes inside one document, so the URL is polled: WaitForURLAsync, once the URL already
        // matches, waits for a `load` that a hash change never brings (playwright-dotnet#3365), and timed out here.
        await Expect(facilitator).ToHaveURLAsync(new Regex("#/facilitate/"));
        var codes = facilitator.GetByTestId("join-codes");
        async Task<string> Code(string role) => (await codes.Locator($"code[data-role='{role}']").InnerTextAsync()).Trim();
        return new JoinCodes(await Code("UA"), await Code("RU"), await Code("US"), await Code("EU"), await Code("observer"));
    }

    public static async Task Join(IPage page, string address, string code, string name)
    {
        await page.GotoAsync(address + "/");
        await page.GetByLabel("Join code").FillAsync(code);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/game/"));
        await Expect(page.GetByTestId("seat-role")).ToContainTextAsync(name);
    }

    public static Task Tab(IPage page, string name) =>
        page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^" + Regex.Escape(name)) }).ClickAsync();

    /// <summary>The facilitator closes the current phase and waits until the console shows the next one.</summary>
    public static async Task Advance(IPage facilitator, string expectedPhase)
    {
        await facilitator.GetByTestId("advance").ClickAsync();
        await Expect(facilitator.GetByTestId("phase")).ToHaveTextAsync(expectedPhase);
    }

    public static Task ExpectPhase(IPage page, string phase) => Expect(page.GetByTestId("phase")).ToHaveTextAsync(phase);

    /// <summary>Warnings and errors a page logs to its console from now on: SignalR's "no client method" warning, a
    /// Content-Security-Policy violation.</summary>
    public static List<string> ConsoleWarnings(IPage page)
    {
        var found = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "error")
                lock (found)
                    found.Add($"{message.Type} at {page.Url}: {message.Text}");
        };
        return found;
    }
}
