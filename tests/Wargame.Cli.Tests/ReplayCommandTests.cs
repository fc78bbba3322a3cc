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

    [Fact]
    public void PlayedGame_ReplaysWithMatchingHashAndExplainsEveryTurn()
    {
        var (exit, output, error) = CliRun.Run("replay", Saved());

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        for (var turn = 1; turn <= 8; turn++)
            Assert.Contains($"== Turn {turn} ==", output);
        Assert.Contains("counterfactual:", output);
        Assert.Contains("matches the file", output);
    }

    [Fact]
    public void TamperedLog_FailsTheHashCheck()
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
