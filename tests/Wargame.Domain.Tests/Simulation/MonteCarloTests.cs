using Wargame.Domain.Simulation;

namespace Wargame.Domain.Tests.Simulation;

public sealed class MonteCarloTests
{
    [Fact]
    public void RunsWithNeighbouringSeeds_ShareNoGames()
    {
        var seven = Enumerable.Range(0, 1000).Select(i => MonteCarlo.GameSeed(7, i)).ToHashSet();
        var eight = Enumerable.Range(0, 1000).Select(i => MonteCarlo.GameSeed(8, i));

        Assert.Equal(1000, seven.Count);
        Assert.DoesNotContain(eight, seven.Contains);
    }
}
