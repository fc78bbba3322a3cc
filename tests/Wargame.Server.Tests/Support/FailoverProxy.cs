using System.Net;
using System.Net.Sockets;

namespace Wargame.Server.Tests.Support;

/// <summary>
/// A loopback TCP proxy standing in for nginx: it forwards every new connection to the current backend node,
/// and the test points it at another node when the first one dies.
/// </summary>
internal sealed class FailoverProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TcpClient, bool> _open = new();
    private volatile int _backendPort;

    public FailoverProxy(int backendPort)
    {
        _backendPort = backendPort;
        _listener.Start();
        _accepting = Accept();
    }

    public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void SwitchTo(int backendPort) => _backendPort = backendPort;

    /// <summary>
    /// Sends new connections to <paramref name="backendPort"/> and resets the open ones, as a balancer whose health
    /// check failed does: a client of a hung node would otherwise wait for its own timeout before reconnecting.
    /// </summary>
    public void FailOver(int backendPort)
    {
        _backendPort = backendPort;
        foreach (var client in _open.Keys)
        {
            // A connection that closed meanwhile has no socket left (its TcpClient is disposed).
            try
            {
                client.Client?.Close(0);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Forward(client);
        }
    }

    private async Task Forward(TcpClient client)
    {
        _open[client] = true;
        using (client)
        using (var backend = new TcpClient())
        {
            try
            {
                await backend.ConnectAsync(IPAddress.Loopback, _backendPort, _stop.Token);
                var up = client.GetStream().CopyToAsync(backend.GetStream(), _stop.Token);
                var down = backend.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side went away: closing both ends tells the client to reconnect.
            }
        }
        _open.TryRemove(client, out _);
    }
}
