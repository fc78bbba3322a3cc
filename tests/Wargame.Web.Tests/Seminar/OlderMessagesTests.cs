using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Seminar;

/// <summary>A channel longer than a view holds: the browser pages back to its first message, under the server's CSP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OlderMessagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>More than the 200 latest messages a view shows of one channel.</summary>
    private const int Posted = 230;

    /// <summary>The seat's and its team's limits would spread 230 statements over minutes; this test is about paging, not limits.</summary>
    protected override string[] ServerSettings => ["--Wargame:MessageBurst", "1000", "--Wargame:CommandBurst", "1000",
        "--Wargame:AudienceMessageBurst", "1000", "--Wargame:AudienceCallBurst", "1000"];

    [Fact]
    public Task ShowOlderMessages_PagesBackToTheChannelsFirstMessage_UnderTheServersContentSecurityPolicy() => Story(async () =>
    {
        var (facilitator, codes) = await NewGame();
        await Advance(facilitator, "Negotiation");
        await PostPublicStatements(codes.US, Posted);

        var student = await NewPage();
        var warnings = ConsoleWarnings(student);
        var document = await student.GotoAsync(Address + "/");
        // The page runs under the server's policy: scripts from this origin only, no framing.
        var policy = await document!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        await student.EvaluateAsync("() => { window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI)); }");
        await student.GetByLabel("Join code").FillAsync(codes.UA);
        await student.GetByLabel("Your name").FillAsync("Patient Ukraine");
        await student.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(student).ToHaveURLAsync(new Regex("#/game/"));

        await Tab(student, "Channels");
        var channel = student.GetByRole(AriaRole.List, new() { Name = "Messages in Public" });
        var messages = channel.Locator("li:not(.older):not(.empty)");
        await Expect(messages).ToHaveCountAsync(200);
        await Expect(messages.First).ToContainTextAsync($"US statement number {Posted - 199}.");
        await Expect(messages.Last).ToContainTextAsync($"US statement number {Posted}.");

        await channel.GetByRole(AriaRole.Button, new() { Name = "Show older messages" }).ClickAsync();
        await Expect(messages).ToHaveCountAsync(Posted);
        await Expect(messages.First).ToContainTextAsync("US statement number 1.");
        await Expect(messages.Nth(Posted - 200)).ToContainTextAsync($"US statement number {Posted - 199}.");
        // The first message is reached: nothing older to ask for.
        await Expect(channel.GetByRole(AriaRole.Button, new() { Name = "Show older messages" })).ToHaveCountAsync(0);

        Assert.Empty(await student.EvaluateAsync<string[]>("() => window.cspViolations"));
        lock (warnings)
            Assert.Empty(warnings);
    });

    /// <summary>A talkative team posts from a real SignalR client, as a second laptop would.</summary>
    private async Task PostPublicStatements(string code, int count)
    {
        await using var team = new HubConnectionBuilder()
            .WithUrl(Address + "/hubs/game", o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        await team.StartAsync().WaitAsync(Timeouts.Ui);
        await team.InvokeAsync<JsonElement>("JoinWithCode", code, "Talkative US").WaitAsync(Timeouts.Ui);
        for (var i = 1; i <= count; i++)
        {
            var result = await team.InvokeAsync<JsonElement>("PostMessage", new { to = Array.Empty<string>(), text = $"US statement number {i}." }).WaitAsync(Timeouts.Ui);
            Assert.True(result.GetProperty("accepted").GetBoolean(), result.ToString());
        }
    }
}
