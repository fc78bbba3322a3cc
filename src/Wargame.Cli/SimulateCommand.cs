using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Wargame.Domain.Serialization;
using Wargame.Domain.Simulation;

namespace Wargame.Cli;

/// <summary>
/// `simulate &lt;scenario&gt; --games N --seed S [--json] [--quiet]`: Monte Carlo over all-bot games. Progress goes to
/// standard error (a live bar on a terminal, plain lines otherwise), the summary to standard output.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario file or id." };
        var games = new Option<int>("--games") { Description = "Number of games (1 to 100000).", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the run; game i uses SplitMix64(SplitMix64(seed) + i).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var quiet = new Option<bool>("--quiet") { Description = "Print no progress." };
        var command = new Command("simulate", "Play all-bot games and report collapse rate, honour rate, deterrence and credibility with 95% intervals, and a hash of every log.");
        command.Arguments.Add(scenario);
        command.Options.Add(games);
        command.Options.Add(seed);
        command.Options.Add(json);
        command.Options.Add(quiet);
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
            var summary = parse.GetValue(quiet)
                ? MonteCarlo.Run(loaded, n, parse.GetValue(seed))
                : WithProgress(error, $"Simulating {loaded.Id}", n, progress => MonteCarlo.Run(loaded, n, parse.GetValue(seed), progress: progress));
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(summary, GameJson.Options));
            else
                WriteTable(output, summary);
            return 0;
        });
        return command;
    }

    /// <summary>Runs <paramref name="work"/> under a Spectre.Console progress display on <paramref name="error"/>.</summary>
    private static T WithProgress<T>(TextWriter error, string title, int total, Func<IProgress<int>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = ReferenceEquals(error, Console.Error) ? InteractionSupport.Detect : InteractionSupport.No,
            Ansi = ReferenceEquals(error, Console.Error) ? AnsiSupport.Detect : AnsiSupport.No,
        });
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: total);
                return work(new Progress(task));
            });
        // The plain renderer samples the bar; the last line says the run is complete.
        error.WriteLine($"{title}: {total} games in {started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return result;
    }

    /// <summary>Reports games finished to a progress task, synchronously (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }

    private static void WriteTable(TextWriter output, SimulationSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        string Pct(double x) => (x * 100).ToString("0.0", c) + "%";
        string RateText(Rate r) => r.Of == 0 ? "no trials" : $"{Pct(r.Value)}  (95% CI {Pct(r.Low)}-{Pct(r.High)}; {r.Count} of {r.Of})";
        string MeanText(Mean m, string format, string unit = "") => m.Of == 0 ? "none"
            : $"{m.Value.ToString(format, c)}{unit}  (95% CI {m.Low.ToString(format, c)}-{m.High.ToString(format, c)}; {m.Of} games)";
        (string, string)[] rows =
        [
            ("scenario", s.Scenario),
            ("games", s.Games.ToString(c)),
            ("seed", s.Seed.ToString(c)),
            ("collapse rate", RateText(s.Collapse) + " games"),
            ("honour rate", RateText(s.Honour) + " guarantee tests"),
            ("mean deterrence D", MeanText(s.Deterrence, "0.000")),
            ("mean credibility", MeanText(s.Credibility, "0.000")),
            ("mean territory held", MeanText(s.Territory, "0.00", "%")),
            ("bot commands refused", s.Rejections.ToString(c)),
            ("log hash", s.LogHash),
        ];
        var width = rows.Max(r => r.Item1.Length);
        foreach (var (name, value) in rows)
            output.WriteLine($"{name.PadRight(width)}  {value}");
    }
}
