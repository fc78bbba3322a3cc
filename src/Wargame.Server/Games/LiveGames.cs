namespace Wargame.Server.Games;

/// <summary>How many games are active on this silo, for /healthz and capacity measurements.</summary>
internal sealed class LiveGames
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Activated() => Interlocked.Increment(ref _count);

    public void Deactivated() => Interlocked.Decrement(ref _count);
}
