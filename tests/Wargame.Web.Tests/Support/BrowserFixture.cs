using Microsoft.Playwright;

namespace Wargame.Web.Tests.Support;

/// <summary>
/// Playwright driving Debian's chromium (/usr/bin/chromium, installed by eng/test-deps/chromium.sh), started once
/// for all browser tests. Playwright's own browser download cannot work here, so it is never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Uncaught script errors of every page since the last <see cref="TakePageErrors"/>.</summary>
    private System.Collections.Concurrent.ConcurrentQueue<string> PageErrors { get; } = new();

    public IReadOnlyList<string> TakePageErrors()
    {
        var errors = new List<string>();
        while (PageErrors.TryDequeue(out var e))
            errors.Add(e);
        return errors;
    }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run eng/test-deps/chromium.sh (bash test.sh runs it).");
        Assertions.SetDefaultExpectTimeout((float)Timeouts.Ui.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync().WaitAsync(Timeouts.Start);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = (float)Timeouts.Start.TotalMilliseconds,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (its own localStorage), like a student's own laptop.</summary>
    public async Task<IBrowserContext> NewContext(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        // A script error in any page fails the test that caused it (see AssertNoPageErrors).
        context.Page += (_, page) => page.PageError += (_, error) => PageErrors.Enqueue($"{page.Url}: {error}");
        context.SetDefaultTimeout((float)Timeouts.Ui.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeouts.Ui.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class Timeouts
{
    /// <summary>Starting chromium or the server.</summary>
    public static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    /// <summary>Any one wait in a page: an element, a text, a navigation. Generous: the test machine is shared.</summary>
    public static readonly TimeSpan Ui = TimeSpan.FromSeconds(30);
}
