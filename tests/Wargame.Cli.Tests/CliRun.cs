namespace Wargame.Cli.Tests;

/// <summary>Runs the `wargame` command in process and captures what it prints.</summary>
internal static class CliRun
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Scenario(string id) => Path.Combine(RepoRoot, "scenarios", id + ".yaml");

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wargame.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Wargame.sln not found above " + AppContext.BaseDirectory);
    }
}
