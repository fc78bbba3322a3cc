using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Wargame.Server.Seats;

/// <summary>
/// The connections holding each seat on this node (a seat can be open in several tabs), and the seats released
/// while connections still held them, so those connections can act no more.
/// </summary>
internal sealed class Presence
{
    private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _released = new(StringComparer.Ordinal);

    public void Connected(string seatId, string connectionId) =>
        _connections.AddOrUpdate(seatId, _ => [connectionId], (_, set) => set.Add(connectionId));

    public void Disconnected(string seatId, string connectionId)
    {
        var left = _connections.AddOrUpdate(seatId, _ => [], (_, set) => set.Remove(connectionId));
        if (left.IsEmpty)
            _connections.TryRemove(new KeyValuePair<string, ImmutableHashSet<string>>(seatId, left));
    }

    public bool IsConnected(string seatId) => _connections.TryGetValue(seatId, out var set) && !set.IsEmpty;

    /// <summary>Marks the seat released and returns the connections that held it here.</summary>
    public IReadOnlyCollection<string> Release(string seatId)
    {
        _released[seatId] = true;
        return _connections.TryRemove(seatId, out var set) ? set : [];
    }

    public bool IsReleased(string seatId) => _released.ContainsKey(seatId);

    /// <summary>Connections holding a seat on this node.</summary>
    public int Connections => _connections.Values.Sum(s => s.Count);
}
