using Microsoft.AspNetCore.Builder;
using Wargame.Server.Hosting;

namespace Wargame.Web.Tests.Support;

/// <summary>
/// The real server, in process, on a loopback port, with a real SQLite file in a temporary directory,
/// serving the web client the server build wrote into src/Wargame.Server/wwwroot.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private WebServer(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        Address = app.Address();
    }

    private bool _stopped;

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public string Address { get; }

    /// <summary>
    /// Starts on a free port with a fresh data directory, or on <paramref name="port"/> over an existing one (a restart);
    /// <paramref name="settings"/> are more command-line settings ("--Wargame:MessageBurst", "500").
    /// </summary>
    public static async Task<WebServer> Start(int port = 0, string? dataDirectory = null, params string[] settings)
    {
        var webRoot = Path.Combine(Repository.Root, "src", "Wargame.Server", "wwwroot");
        if (!File.Exists(Path.Combine(webRoot, "index.html")))
            throw new InvalidOperationException($"The web client is not built: {webRoot}/index.html is missing (building src/Wargame.Server builds it).");
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("wargame-web-").FullName;
        var app = WargameServer.Build(
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--webroot", webRoot,
            "--Wargame:DataDirectory", data,
            "--Wargame:ScenarioDirectory", Path.Combine(AppContext.BaseDirectory, "TestScenarios"),
            "--Serilog:MinimumLevel:Default", "Warning",
            .. settings,
        ]);
        await app.StartAsync().WaitAsync(Timeouts.Start);
        return new WebServer(app, data);
    }

    public ValueTask DisposeAsync() => DisposeAsync(keepData: false);

    /// <summary>Stops the server; with <paramref name="keepData"/> its SQLite file stays for a restart.</summary>
    public async ValueTask DisposeAsync(bool keepData)
    {
        if (_stopped)
            return;
        _stopped = true;
        await App.StopAsync().WaitAsync(Timeouts.Start);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (keepData)
            return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still flushing; the OS cleans temp later.
        }
    }
}

public static class Repository
{
    /// <summary>The checkout's root: the nearest folder above the test binaries that holds Wargame.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wargame.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Wargame.sln above {AppContext.BaseDirectory}.");
    }
}
