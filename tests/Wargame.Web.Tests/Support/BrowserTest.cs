using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Wargame.Web.Tests.Support;

/// <summary>
/// One browser test: its own server on a fresh SQLite file, and browser profiles opened as the story needs them, each
/// one person's own laptop. Every test runs its steps through <see cref="Story"/>: when a step fails, every open page
/// is saved as a screenshot; a script error in any page fails the test.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _profiles = [];
    private WebServer? _server;

    protected WebServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    protected string Address => Server.Address;

    /// <summary>Command-line settings the test's server starts with, beside the test defaults.</summary>
    protected virtual string[] ServerSettings => [];

    public async Task InitializeAsync()
    {
        browser.TakePageErrors();
        _server = await WebServer.Start(settings: ServerSettings);
    }

    public async Task DisposeAsync()
    {
        foreach (var profile in _profiles)
            await profile.CloseAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }

    /// <summary>Runs the test's steps; a failure saves every open page under artifacts/screenshots/failures/.</summary>
    protected async Task Story(Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch (Exception e)
        {
            await Screenshots.SaveFailure(_profiles, test);
            var errors = browser.TakePageErrors();
            if (errors.Count > 0)
                throw new InvalidOperationException("Script errors in the pages:\n" + string.Join("\n", errors), e);
            throw;
        }
        Assert.Empty(browser.TakePageErrors());
    }

    /// <summary>A fresh browser profile (its own localStorage), for a person who opens several tabs.</summary>
    protected async Task<IBrowserContext> NewProfile(int width = 1280, int height = 800)
    {
        var profile = await browser.NewContext(width, height);
        _profiles.Add(profile);
        return profile;
    }

    /// <summary>A page in a fresh profile.</summary>
    protected async Task<IPage> NewPage(int width = 1280, int height = 800) => await (await NewProfile(width, height)).NewPageAsync();

    /// <summary>The facilitator creates a game of the web seminar scenario on a page of their own.</summary>
    protected async Task<(IPage Facilitator, JoinCodes Codes)> NewGame(int width = 1280, int height = 800)
    {
        var facilitator = await NewPage(width, height);
        return (facilitator, await Pages.CreateGame(facilitator, Address));
    }

    /// <summary>A person joins with <paramref name="code"/> under <paramref name="name"/> on a page of their own.</summary>
    protected async Task<IPage> Seat(string code, string name, int width = 1280, int height = 800)
    {
        var page = await NewPage(width, height);
        await Pages.Join(page, Address, code, name);
        return page;
    }

    /// <summary>Stops the server as a crash or a redeploy would, keeping its SQLite file for <see cref="StartServerAgain"/>.</summary>
    protected ValueTask StopServerKeepingData() => Server.DisposeAsync(keepData: true);

    /// <summary>Starts the server again on the same address over the same SQLite file.</summary>
    protected async Task StartServerAgain() => _server = await WebServer.Start(new Uri(Address).Port, Server.DataDirectory, ServerSettings);
}
