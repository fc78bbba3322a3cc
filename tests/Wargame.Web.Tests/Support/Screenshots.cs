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
}
