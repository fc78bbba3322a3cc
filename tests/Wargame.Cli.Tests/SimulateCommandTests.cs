using System.Text.Json;

namespace Wargame.Cli.Tests;

public sealed class SimulateCommandTests
{
    private static JsonElement Simulate(ulong seed)
    {
        var (exit, output, error) = CliRun.Run("simulate", CliRun.Scenario("budapest-redux"), "--games", "20", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--quiet");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Json_HasEachRateWithItsIntervalAndTheTrialsBehindIt()
    {
        var json = Simulate(7);

        Assert.Equal(20, json.GetProperty("games").GetInt32());
        Assert.Equal(7UL, json.GetProperty("seed").GetUInt64());
        var collapse = json.GetProperty("collapse");
        Assert.Equal(20, collapse.GetProperty("of").GetInt32());
        Assert.Equal(collapse.GetProperty("count").GetInt32() / 20.0, collapse.GetProperty("value").GetDouble(), 4);
        Assert.InRange(collapse.GetProperty("value").GetDouble(), collapse.GetProperty("low").GetDouble(), collapse.GetProperty("high").GetDouble());
        var honour = json.GetProperty("honour");
        Assert.True(honour.GetProperty("of").GetInt32() >= honour.GetProperty("count").GetInt32());
        var deterrence = json.GetProperty("deterrence");
        Assert.Equal(20, deterrence.GetProperty("of").GetInt32());
        Assert.InRange(deterrence.GetProperty("value").GetDouble(), deterrence.GetProperty("low").GetDouble(), deterrence.GetProperty("high").GetDouble());
        Assert.Equal(64, json.GetProperty("logHash").GetString()!.Length);
    }

    [Fact]
    public void SameSeed_SameLogHash_OtherSeed_OtherHash()
    {
        var first = Simulate(7).GetProperty("logHash").GetString();

        Assert.Equal(first, Simulate(7).GetProperty("logHash").GetString());
        Assert.NotEqual(first, Simulate(8).GetProperty("logHash").GetString());
    }

    [Fact]
    public void WithoutJson_PrintsATableWithIntervals_AndProgressOnStandardError()
    {
        var (exit, output, error) = CliRun.Run("simulate", CliRun.Scenario("treaty-path"), "--games", "5", "--seed", "3");

        Assert.Equal(0, exit);
        Assert.Contains("collapse rate", output);
        Assert.Contains("95% CI", output);
        Assert.Contains("of 5)", output);
        Assert.Contains("log hash", output);
        Assert.Contains("Simulating treaty-path", error);
        Assert.Contains("Simulating treaty-path: 5 games in", error);
    }

    [Fact]
    public void UnknownScenario_OrTooManyGames_IsAnError()
    {
        Assert.Equal(1, CliRun.Run("simulate", "no-such-scenario", "--games", "5").Exit);
        Assert.Equal(2, CliRun.Run("simulate", CliRun.Scenario("treaty-path"), "--games", "0").Exit);
    }
}
