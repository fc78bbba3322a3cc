using System.Collections.Concurrent;

namespace Wargame.Server.Seats;

/// <summary>How many connections hold each seat on this node (a seat can be open in several tabs).</summary>
internal sealed class Presence
{
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    public void Connected(string seatId) => _connections.AddOrUpdate(seatId, 1, (_, n) => n + 1);

    public void Disconnected(string seatId)
    {
        if (_connections.AddOrUpdate(seatId, 0, (_, n) => Math.Max(0, n - 1)) == 0)
            _connections.TryRemove(new KeyValuePair<string, int>(seatId, 0));
    }

    public bool IsConnected(string seatId) => _connections.GetValueOrDefault(seatId) > 0;

    public int Connections => _connections.Values.Sum();
}
