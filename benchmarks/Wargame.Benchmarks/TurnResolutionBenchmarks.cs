using BenchmarkDotNet.Attributes;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;

namespace Wargame.Benchmarks;

/// <summary>
/// Resolving one turn of a four-role game (target: median under 50 µs). The baseline is computing the
/// facilitator's view of the same state, which the server does after every command anyway.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TurnResolutionBenchmarks
{
    private GameState _state = null!;
    private readonly AdvancePhase _advance = new(Actor.System);

    [Params("treaty-path", "coalition-of-the-willing")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _state = Games.ReadyToResolve(Scenario);

    [Benchmark(Baseline = true)]
    public GameView FacilitatorView() => GameViews.For(_state, Audience.Facilitator);

    [Benchmark]
    public Decision ResolveTurn() => Rules.Decide(_state, _advance);
}
