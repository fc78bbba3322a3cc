using Wargame.Domain.Adjudication;

namespace Wargame.Domain.Tests.Adjudication;

public sealed class FmtAndDiceTests
{
    [Theory]
    [InlineData(0.615, "0.62", "61.5%", "62%")]
    [InlineData(-0.004, "0.00", "-0.4%", "0%")]
    [InlineData(1.0, "1.00", "100.0%", "100%")]
    [InlineData(-1.256, "-1.26", "-125.6%", "-126%")]
    public void Fmt_WritesTheNumbersInvariantCultureWould(double x, string two, string pct1, string pct)
    {
        Assert.Equal(two, Fmt.Two(x));
        Assert.Equal(pct1, Fmt.Pct1(x));
        Assert.Equal(pct, Fmt.Pct(x));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1000, "1,000")]
    [InlineData(-1234567, "-1,234,567")]
    public void Fmt_GroupsThousands(double x, string expected) => Assert.Equal(expected, Fmt.Int(x));

    [Fact]
    public void Rolls_AreD10000_UniformEnough_AndIndependentOfOtherDraws()
    {
        var rolls = Enumerable.Range(0, 20_000).Select(i => Dice.Roll(99, i % 40, "kind", $"subject{i / 40}")).ToArray();

        Assert.All(rolls, r => Assert.InRange(r, 1, 10_000));
        Assert.InRange(rolls.Count(r => r <= 5000) / 20_000.0, 0.48, 0.52);
        Assert.InRange(rolls.Count(r => r <= 1000) / 20_000.0, 0.09, 0.11);
        // A draw depends only on (seed, turn, kind, subject): nothing drawn before it changes it.
        Assert.Equal(Dice.Roll(99, 3, "rally", "US"), Dice.Roll(99, 3, "rally", "US"));
        Assert.NotEqual(Dice.Roll(99, 3, "rally", "US"), Dice.Roll(99, 3, "rally", "EU"));
        Assert.NotEqual(Dice.Roll(99, 3, "rally", "US"), Dice.Roll(100, 3, "rally", "US"));
    }

    [Fact]
    public void Rolls_AreStableAcrossRunsAndMachines()
    {
        // SplitMix64 and FNV-1a are fixed algorithms: these values must never change, or old logs would replay differently.
        Assert.Equal(0xE220A8397B1DCDAFUL, Dice.Mix(0)); // SplitMix64's published first output for state 0
        Assert.Equal(9882, Dice.Roll(42, 1, "offensive", "RU"));
        Assert.Equal(9882, Dice.Roll(42, 1, "offensive", Wargame.Domain.Roles.Role.RU));
    }
}
