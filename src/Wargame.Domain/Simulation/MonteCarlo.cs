using System.Security.Cryptography;
using System.Text.Json;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Serialization;

namespace Wargame.Domain.Simulation;

/// <summary>A rate over <see cref="Of"/> trials with its 95% Wilson score interval.</summary>
public sealed record Rate(int Count, int Of, double Value, double Low, double High)
{
    private const double Z = 1.959964;

    public static Rate Wilson(int count, int of)
    {
        if (of == 0)
            return new Rate(0, 0, 0, 0, 1);
        var p = (double)count / of;
        var z2 = Z * Z / of;
        var centre = (p + z2 / 2) / (1 + z2);
        var half = Z * Math.Sqrt(p * (1 - p) / of + z2 / (4.0 * of)) / (1 + z2);
        return new Rate(count, of, Math.Round(p, 4), Math.Round(Math.Max(0, centre - half), 4), Math.Round(Math.Min(1, centre + half), 4));
    }
}

/// <summary>A mean over <see cref="Of"/> values with its 95% interval (normal approximation, sample standard deviation).</summary>
public sealed record Mean(int Of, double Value, double Low, double High)
{
    public static Mean Over(IReadOnlyList<double> values, int decimals = 4)
    {
        if (values.Count == 0)
            return new Mean(0, 0, 0, 0);
        var mean = values.Average();
        var sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        var half = 1.959964 * sd / Math.Sqrt(values.Count);
        return new Mean(values.Count, Math.Round(mean, decimals), Math.Round(mean - half, decimals), Math.Round(mean + half, decimals));
    }
}

/// <summary>
/// What many all-bot games of one scenario add up to: the collapse rate over games, the honour rate over the
/// guarantee tests those games had, and mean deterrence, territory and credibility over games, each with its 95%
/// interval and the number of games or tests behind it.
/// </summary>
public sealed record SimulationSummary(
    string Scenario,
    int Games,
    ulong Seed,
    Rate Collapse,
    Rate Honour,
    Mean Deterrence,
    Mean Territory,
    Mean Credibility,
    int Rejections,
    string LogHash);

/// <summary>
/// Seeded Monte Carlo over all-bot games: game i plays with seed SplitMix64(SplitMix64(seed) + i), so runs
/// with neighbouring seeds share no games (with seed + i, seed 8's game i was seed 7's game i + 1).
/// </summary>
public static class MonteCarlo
{
    public static ulong GameSeed(ulong seed, int game) => Dice.Mix(Dice.Mix(seed) + (ulong)game);

    /// <summary>
    /// Plays <paramref name="games"/> games; <paramref name="botSeats"/> limits which roles bots play (all by default);
    /// <paramref name="progress"/> hears the number of games finished after each one.
    /// </summary>
    public static SimulationSummary Run(Scenario scenario, int games, ulong seed, IReadOnlySet<Role>? botSeats = null, IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int collapsed = 0, tests = 0, honoured = 0, rejections = 0;
        var deterrence = new List<double>(games);
        var territory = new List<double>(games);
        var credibility = new List<double>(games);
        for (var i = 0; i < games; i++)
        {
            var game = BotGame.Play(scenario, GameSeed(seed, i), botSeats);
            foreach (var e in game.Events)
                hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(e, GameJson.Options));
            var outcomes = game.State.Outcomes;
            if (outcomes.Any(o => o.CeasefireCollapsed))
                collapsed++;
            tests += outcomes.Sum(o => o.Tests.Length);
            honoured += outcomes.Sum(o => o.Tests.Count(t => t.Honoured));
            deterrence.Add(outcomes.IsEmpty ? 0 : outcomes.Average(o => o.Metrics.Deterrence));
            territory.Add(game.State.World.Territory);
            var points = outcomes.SelectMany(o => o.Metrics.Credibility).ToArray();
            if (points.Length > 0)
                credibility.Add(points.Average(p => p.Credibility));
            rejections += game.Rejections.Length;
            progress?.Report(i + 1);
        }
        return new SimulationSummary(
            scenario.Id,
            games,
            seed,
            Rate.Wilson(collapsed, games),
            Rate.Wilson(honoured, tests),
            Mean.Over(deterrence),
            Mean.Over(territory, 3),
            Mean.Over(credibility),
            rejections,
            Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
