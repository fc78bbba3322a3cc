using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Wargame.Domain.Game;
using Wargame.Domain.Serialization;

namespace Wargame.Benchmarks;

/// <summary>
/// Replaying a 400-event game (target: under 5 ms). The baseline is reading the same log from JSON,
/// which an actor does before it replays on activation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReplayBenchmarks
{
    private ImmutableArray<GameEvent> _log;
    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        _log = Games.Log(400);
        _json = JsonSerializer.Serialize(_log.ToArray(), GameJson.Options);
    }

    [Benchmark(Baseline = true)]
    public GameEvent[] DeserializeLog() => JsonSerializer.Deserialize<GameEvent[]>(_json, GameJson.Options)!;

    [Benchmark]
    public GameState Replay400Events() => Rules.Replay(_log);

    [Benchmark]
    public string Replay400EventsAndHash() => Rules.Replay(_log).Hash();
}
