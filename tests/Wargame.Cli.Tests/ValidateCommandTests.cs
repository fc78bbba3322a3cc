namespace Wargame.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wargame-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EveryShippedScenario_IsValid()
    {
        var (exit, output, error) = CliRun.Run("validate", Path.Combine(CliRun.RepoRoot, "scenarios"));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(Directory.GetFiles(Path.Combine(CliRun.RepoRoot, "scenarios"), "*.yaml").Length, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void BrokenScenario_ExitsOneWithFileLineAndField()
    {
        var file = Path.Combine(_dir, "treaty-path.yaml");
        File.WriteAllText(file, File.ReadAllText(CliRun.Scenario("treaty-path")).Replace("turns: 8", "turns: eight"));

        var (exit, _, error) = CliRun.Run("validate", file);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{file}:8: turns: must be a whole number", error);
    }

    [Fact]
    public void MissingFile_ExitsOne()
    {
        var (exit, _, error) = CliRun.Run("validate", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("no such scenario file", error);
    }

    [Fact]
    public void AScenarioId_IsResolvedAsSimulateResolvesIt()
    {
        var (exit, output, error) = CliRun.Run("validate", "treaty-path");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.EndsWith(Path.Combine("scenarios", "treaty-path.yaml") + ": ok (treaty-path, 8 turns)", output.Trim());
        Assert.Equal(CliRun.Run("validate", "no-such-id").Err, CliRun.Run("simulate", "no-such-id").Err);
    }
}
