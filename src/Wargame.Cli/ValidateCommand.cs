using System.CommandLine;
using Wargame.Domain.Scenarios;

namespace Wargame.Cli;

/// <summary>`validate &lt;scenario&gt;...`: exit 0 when every file is valid, else 1 with file:line errors.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("scenario") { Arity = ArgumentArity.OneOrMore, Description = "Scenario files, directories of them, or scenario ids." };
        var command = new Command("validate", "Check scenario files and print every error as file:line: field: message.");
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var failed = false;
            foreach (var file in parse.GetValue(files)!.SelectMany(ScenarioFiles.Expand))
            {
                if (!File.Exists(file))
                {
                    error.WriteLine(ScenarioFiles.NotFound(file));
                    failed = true;
                    continue;
                }
                var result = ScenarioParser.Parse(file, File.ReadAllText(file));
                foreach (var e in result.Errors)
                    error.WriteLine(e.ToString());
                if (result.IsValid)
                    output.WriteLine($"{file}: ok ({result.Scenario!.Id}, {result.Scenario.Turns} turns)");
                failed |= !result.IsValid;
            }
            return failed ? 1 : 0;
        });
        return command;
    }
}
