using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Wargame.Domain.Serialization;
using Wargame.Domain.Simulation;

namespace Wargame.Cli;

/// <summary>`simulate &lt;scenario&gt; --games N --seed S [--json]`: Monte Carlo over all-bot games.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario file or id." };
        var games = new Option<int>("--games") { Description = "Number of games (1 to 100000).", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the run; game i uses SplitMix64(SplitMix64(seed) + i).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("simulate", "Play all-bot games and report collapse rate, tests, honour rate, deterrence and a hash of every log.");
        command.Arguments.Add(scenario);
        command.Options.Add(games);
        command.Options.Add(seed);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(games);
            if (n is < 1 or > 100_000)
            {
                error.WriteLine($"--games must be from 1 to 100000; {n} is not.");
                return 2;
            }
            var (loaded, errors) = ScenarioFiles.Load(parse.GetValue(scenario)!);
            if (loaded is null)
            {
                foreach (var e in errors)
                    error.WriteLine(e);
                return 1;
            }
            var summary = MonteCarlo.Run(loaded, n, parse.GetValue(seed));
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(summary, GameJson.Options));
            else
                WriteTable(output, summary);
            return 0;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, SimulationSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        (string, string)[] rows =
        [
            ("scenario", s.Scenario),
            ("games", s.Games.ToString(c)),
            ("seed", s.Seed.ToString(c)),
            ("collapse rate", s.CollapseRate.ToString("P1", c)),
            ("guarantee tests", s.GuaranteeTests.ToString(c)),
            ("honour rate", s.HonourRate.ToString("P1", c)),
            ("mean deterrence D", s.MeanDeterrence.ToString("0.000", c)),
            ("mean credibility", s.MeanCredibility.ToString("0.000", c)),
            ("mean territory held", s.MeanTerritory.ToString("0.00", c) + "%"),
            ("bot commands refused", s.Rejections.ToString(c)),
            ("log hash", s.LogHash),
        ];
        var width = rows.Max(r => r.Item1.Length);
        foreach (var (name, value) in rows)
            output.WriteLine($"{name.PadRight(width)}  {value}");
    }
}
