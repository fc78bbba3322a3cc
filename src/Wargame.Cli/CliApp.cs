using System.CommandLine;

namespace Wargame.Cli;

/// <summary>The `wargame` command line: validate scenarios, simulate bot games, play and save one, replay a saved game.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Wargame: validate scenarios, simulate all-bot games, save and replay games without the server.");
        root.Subcommands.Add(ValidateCommand.Create(output, error));
        root.Subcommands.Add(SimulateCommand.Create(output, error));
        root.Subcommands.Add(PlayCommand.Create(output, error));
        root.Subcommands.Add(ReplayCommand.Create(output, error));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
