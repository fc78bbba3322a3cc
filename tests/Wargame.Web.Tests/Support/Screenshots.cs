using Microsoft.Playwright;

namespace Wargame.Web.Tests.Support;

/// <summary>Screenshots of each screen, saved under artifacts/screenshots/ for the README and for review.</summary>
public static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "screenshots")).FullName;

    public static async Task Save(IPage page, string name, bool fullPage = false)
    {
        // Charts and layout settle in the next frames; a screenshot mid-layout would mislead a reviewer.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage });
    }

    /// <summary>Every open page as it was when a test failed, to see what the user would have seen.</summary>
    public static async Task SaveFailure(IEnumerable<IBrowserContext> contexts, string test)
    {
        var n = 0;
        foreach (var page in contexts.SelectMany(c => c.Pages))
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, "failures", $"{test}-{n++}.png"), FullPage = true, Timeout = 5000 });
            }
            catch (PlaywrightException)
            {
                // A page that cannot be captured any more; the others still help.
            }
        }
    }
}
