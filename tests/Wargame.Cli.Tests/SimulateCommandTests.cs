using System.Text.Json;

namespace Wargame.Cli.Tests;

public sealed class SimulateCommandTests
{
    private static JsonElement Simulate(ulong seed)
    {
        var (exit, output, error) = CliRun.Run("simulate", CliRun.Scenario("budapest-redux"), "--games", "20", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Json_HasTheSummaryFields()
    {
        var json = Simulate(7);

        Assert.Equal(20, json.GetProperty("games").GetInt32());
        Assert.Equal(7UL, json.GetProperty("seed").GetUInt64());
        Assert.InRange(json.GetProperty("collapseRate").GetDouble(), 0, 1);
        Assert.InRange(json.GetProperty("honourRate").GetDouble(), 0, 1);
        Assert.InRange(json.GetProperty("meanDeterrence").GetDouble(), 0, 1);
        Assert.True(json.GetProperty("guaranteeTests").GetInt32() >= 0);
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
    public void WithoutJson_PrintsATable()
    {
        var (exit, output, _) = CliRun.Run("simulate", CliRun.Scenario("treaty-path"), "--games", "5", "--seed", "3");

        Assert.Equal(0, exit);
        Assert.Contains("collapse rate", output);
        Assert.Contains("log hash", output);
    }

    [Fact]
    public void UnknownScenario_OrTooManyGames_IsAnError()
    {
        Assert.Equal(1, CliRun.Run("simulate", "no-such-scenario", "--games", "5").Exit);
        Assert.Equal(2, CliRun.Run("simulate", CliRun.Scenario("treaty-path"), "--games", "0").Exit);
    }
}
