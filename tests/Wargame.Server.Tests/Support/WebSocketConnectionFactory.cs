using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Wargame.Server.Tests.Support;

/// <summary>
/// Connects SignalR's Client.Core to the hub over a plain WebSocket (the full client package does not restore here),
/// skipping negotiation as the server allows for WebSocket connections.
/// </summary>
internal sealed class WebSocketConnectionFactory : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var uri = ((UriEndPoint)endpoint).Uri;
        var socketUri = new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(socketUri, cancellationToken);
        return new WebSocketConnection(socket);
    }

    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly ClientWebSocket _socket;
        private readonly Pipe _incoming = new();
        private readonly Pipe _outgoing = new();
        private readonly CancellationTokenSource _closed = new();
        private readonly Task _receiving;
        private readonly Task _sending;

        public WebSocketConnection(ClientWebSocket socket)
        {
            _socket = socket;
            Transport = new DuplexPipe(_incoming.Reader, _outgoing.Writer);
            ConnectionClosed = _closed.Token;
            _receiving = Receive();
            _sending = Send();
        }

        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
        public override IDuplexPipe Transport { get; set; }

        public override async ValueTask DisposeAsync()
        {
            await _outgoing.Writer.CompleteAsync();
            _incoming.Reader.CancelPendingRead();
            try
            {
                if (_socket.State == WebSocketState.Open)
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
            {
                // The server is already gone.
            }
            _socket.Abort();
            await Task.WhenAll(_receiving, _sending).WaitAsync(TimeSpan.FromSeconds(10));
            _socket.Dispose();
            _closed.Dispose();
        }

        private async Task Receive()
        {
            try
            {
                while (true)
                {
                    var memory = _incoming.Writer.GetMemory(4096);
                    var result = await _socket.ReceiveAsync(memory, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                        break;
                    _incoming.Writer.Advance(result.Count);
                    var flush = await _incoming.Writer.FlushAsync();
                    if (flush.IsCompleted)
                        break;
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Connection lost: completing the pipe tells the HubConnection.
            }
            await _incoming.Writer.CompleteAsync();
            await _closed.CancelAsync();
        }

        private async Task Send()
        {
            try
            {
                while (true)
                {
                    var result = await _outgoing.Reader.ReadAsync();
                    foreach (var segment in result.Buffer)
                        await _socket.SendAsync(segment, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
                    _outgoing.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                        break;
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Connection lost.
            }
            await _outgoing.Reader.CompleteAsync();
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
