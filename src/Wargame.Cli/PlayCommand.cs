using System.CommandLine;
using Wargame.Domain.Game;
using Wargame.Domain.Simulation;

namespace Wargame.Cli;

/// <summary>`play &lt;scenario&gt; --seed S --out game.json`: one all-bot game saved as a saved-game file.</summary>
internal static class PlayCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario file or id." };
        var seed = new Option<ulong>("--seed") { Description = "The game's seed.", DefaultValueFactory = _ => 1 };
        var outFile = new Option<string>("--out") { Description = "Where to write the saved game (JSON).", Required = true };
        var command = new Command("play", "Play one all-bot game and save it for replay.");
        command.Arguments.Add(scenario);
        command.Options.Add(seed);
        command.Options.Add(outFile);
        command.SetAction(parse =>
        {
            var (loaded, errors) = ScenarioFiles.Load(parse.GetValue(scenario)!);
            if (loaded is null)
            {
                foreach (var e in errors)
                    error.WriteLine(e);
                return 1;
            }
            var game = BotGame.Play(loaded, parse.GetValue(seed));
            var saved = SavedGame.Of(game.Events, game.Commands);
            var path = parse.GetValue(outFile)!;
            File.WriteAllText(path, saved.ToJson());
            output.WriteLine($"{path}: {saved.Commands.Length} commands, {saved.Events.Length} events, {game.State.Outcomes.Length} turns, hash {saved.Hash}");
            return 0;
        });
        return command;
    }
}
