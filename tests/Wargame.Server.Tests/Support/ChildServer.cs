using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Wargame.Server.Tests.Support;

/// <summary>The built server run as its own process (`dotnet Wargame.Server.dll`), so a test can kill it with SIGKILL.</summary>
internal sealed partial class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildServer(Process process) => _process = process;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ChildServer> Start(string dataDirectory, int port, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "Wargame.Server.dll"),
            "--urls", $"http://127.0.0.1:{port}",
            "--Wargame:DataDirectory", dataDirectory,
            "--Wargame:ScenarioDirectory", RunningServer.ScenarioDirectory,
            .. settings,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var server = new ChildServer(Process.Start(start)!);
        server._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Listening().IsMatch(line))
                server._listening.TrySetResult();
        };
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        // Kestrel listens before the store and silo are ready (/healthz answers 503 Starting until then).
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await server._listening.Task.WaitAsync(ready.Token);
        await WaitUntilHealthy(port, ready.Token);
        return server;
    }

    private static async Task WaitUntilHealthy(int port, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (true)
        {
            using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellation);
            if (health.StatusCode == HttpStatusCode.OK)
                return;
            await Task.Delay(100, cancellation);
        }
    }

    /// <summary>Resident memory of the server process, in MiB (Linux /proc).</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The server's own log file in its data directory (Serilog's daily file).</summary>
    public static string LogText(string dataDirectory) =>
        string.Concat(Directory.EnumerateFiles(Path.Combine(dataDirectory, "logs")).Select(f =>
        {
            using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }));

    /// <summary>SIGSTOP: the process hangs (every thread frozen, its sockets open), as a stalled VM or a long GC pause.</summary>
    public Task Freeze() => Signal("STOP");

    /// <summary>SIGCONT: the frozen process runs on, still believing what it believed when it froze.</summary>
    public Task Thaw() => Signal("CONT");

    public Task WaitForExit(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    private async Task Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with {kill.ExitCode}.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when a machine loses the process.</summary>
    public async Task Kill()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await Thaw();
            await Kill();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
