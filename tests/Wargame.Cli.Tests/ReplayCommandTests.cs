using System.Text.Json.Nodes;

namespace Wargame.Cli.Tests;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wargame-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Saved()
    {
        var file = Path.Combine(_dir, "game.json");
        var (exit, _, error) = CliRun.Run("play", CliRun.Scenario("oval-office-2025"), "--seed", "3", "--out", file);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        return file;
    }

    /// <summary>Edits the first order the United States submitted, as someone rewriting history would.</summary>
    private static void TamperWithAnOrder(string file, bool dropCommands)
    {
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var order = json["events"]!.AsArray().Select(e => e!.AsObject()).First(e => (string?)e["type"] == "ordersSubmitted" && (string?)e["role"] == "US");
        order["orders"]!["troopChange"] = 5000;
        if (dropCommands)
            json["commands"] = new JsonArray();
        File.WriteAllText(file, json.ToJsonString());
    }

    [Fact]
    public void PlayedGame_ReRunsEveryCommand_MatchesTheHash_AndExplainsEveryTurn()
    {
        var (exit, output, error) = CliRun.Run("replay", Saved());

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        for (var turn = 1; turn <= 8; turn++)
            Assert.Contains($"== Turn {turn} ==", output);
        Assert.Contains("counterfactual:", output);
        Assert.Matches(@"rules re-run: \d+ commands reproduce all \d+ events", output);
        Assert.Contains("matches the file", output);
    }

    [Fact]
    public void TamperedOrder_FailsTheReRun_NamingTheEventAndTheField()
    {
        var file = Saved();
        TamperWithAnOrder(file, dropCommands: false);

        var (exit, output, error) = CliRun.Run("replay", file);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Matches(@"event \d+ \(ordersSubmitted\) is not what command \d+ \(SubmitOrders\) produces: orders.troopChange: the log has 5000, the rules give 0", error);
    }

    [Fact]
    public void TamperedOrder_InALogWithoutCommands_FailsAtTheTurnItWouldHaveChanged()
    {
        var file = Saved();
        TamperWithAnOrder(file, dropCommands: true);

        var (exit, _, error) = CliRun.Run("replay", file);

        Assert.Equal(1, exit);
        Assert.Matches(@"event \d+ \(turnResolved\) does not follow from the events before it by the rules", error);
        Assert.Contains("orders.US.troopChange: the log has 0, the rules give 5000", error);
    }

    [Fact]
    public void TamperedScenario_FailsTheHashCheck()
    {
        var file = Saved();
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"territory\":80,", "\"territory\":95,"));

        var (exit, _, error) = CliRun.Run("replay", file);

        Assert.Equal(1, exit);
        Assert.Contains("hash", error);
    }

    [Fact]
    public void NotASavedGame_IsAClearError()
    {
        var file = Path.Combine(_dir, "junk.json");
        File.WriteAllText(file, "{ \"hello\": 1 }");

        var (exit, _, error) = CliRun.Run("replay", file);

        Assert.Equal(1, exit);
        Assert.Contains(file, error);
    }
}
