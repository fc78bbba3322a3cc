using System.CommandLine;
using System.Globalization;
using Wargame.Domain.Game;

namespace Wargame.Cli;

/// <summary>
/// `replay &lt;saved-game.json&gt;`: re-runs the saved commands through the rules, compares every event they produce and
/// the state hash with the file, and explains every turn. An edited order or outcome fails with the event that differs.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("saved-game") { Description = "A saved game ({scenario, seed, events}) as the server exports it." };
        var command = new Command("replay", "Re-run a saved game's commands through the rules, compare every event and the hash, and print the turn-by-turn explanation.");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"{path}: no such file.");
                return 1;
            }
            var load = SavedGame.Load(File.ReadAllText(path));
            if (!load.Ok)
            {
                error.WriteLine($"{path}: {load.Error}");
                return 1;
            }
            Explain(output, load);
            return 0;
        });
        return command;
    }

    private static void Explain(TextWriter output, SavedGameLoad load)
    {
        var (saved, state) = (load.Game!, load.State!);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{state.Scenario.Title} ({saved.Scenario}), seed {saved.Seed}, {saved.Events.Length} events");
        foreach (var outcome in state.Outcomes)
        {
            output.WriteLine();
            output.WriteLine($"== Turn {outcome.Turn} ==");
            foreach (var r in outcome.Records)
            {
                var who = r.VisibleTo.IsEmpty ? "" : $" [private to {string.Join(", ", r.VisibleTo)}]";
                output.WriteLine($"{r.Step}. {r.Title} - {r.Subject}{who}: {r.Outcome}");
                foreach (var t in r.Terms)
                    output.WriteLine($"     {t.Name} = {t.Value.ToString("0.###", c)} [{t.Tag}: {t.Source}]");
                if (r.Precedent is not null)
                    output.WriteLine($"     precedent: {r.Precedent}");
                if (r.Counterfactual.Length > 0)
                    output.WriteLine($"     counterfactual: {r.Counterfactual}");
                if (r.Adjustment is { } a)
                    output.WriteLine($"     facilitator adjustment {a.ToString("+0.00;-0.00", c)} logit: {r.AdjustmentReason}");
            }
            foreach (var s in outcome.Scores)
                output.WriteLine($"   score {s.Role}: {s.Turn.ToString("+0.0;-0.0;0", c)} (total {s.Total.ToString("0.0", c)}) - {string.Join("; ", s.Lines.Select(l => $"{l.Objective} {l.Points.ToString("+0.0;-0.0", c)}: {l.Because}"))}");
        }
        output.WriteLine();
        output.WriteLine(state.Ended ? "Game over." : $"The log stops in turn {state.Turn}, {state.Phase} phase.");
        output.WriteLine(load.RulesRerun
            ? $"rules re-run: {saved.Commands.Length} commands reproduce all {saved.Events.Length} events"
            : $"rules not re-run: the log is in format {state.Format}, whose rules this version no longer computes; its outcomes are replayed as logged");
        var check = load.HashChecked ? "matches the file"
            : saved.Hash is null ? "(no hash in the file to check)"
            : $"(the file's hash is over log format {state.Format}'s fields, which this version does not compute: not checked)";
        output.WriteLine($"hash {state.Hash()} {check}");
    }
}
