using System.Security.Cryptography;
using System.Text.Json;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Serialization;

namespace Wargame.Domain.Simulation;

/// <summary>What many all-bot games of one scenario add up to.</summary>
public sealed record SimulationSummary(
    string Scenario,
    int Games,
    ulong Seed,
    double CollapseRate,
    int GuaranteeTests,
    double HonourRate,
    double MeanDeterrence,
    double MeanTerritory,
    double MeanCredibility,
    int Rejections,
    string LogHash);

/// <summary>
/// Seeded Monte Carlo over all-bot games: game i plays with seed SplitMix64(SplitMix64(seed) + i), so runs
/// with neighbouring seeds share no games (with seed + i, seed 8's game i was seed 7's game i + 1).
/// </summary>
public static class MonteCarlo
{
    public static ulong GameSeed(ulong seed, int game) => Dice.Mix(Dice.Mix(seed) + (ulong)game);

    /// <summary>Plays <paramref name="games"/> games; <paramref name="botSeats"/> limits which roles bots play (all by default).</summary>
    public static SimulationSummary Run(Scenario scenario, int games, ulong seed, IReadOnlySet<Role>? botSeats = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int collapsed = 0, tests = 0, honoured = 0, rejections = 0;
        double deterrence = 0, territory = 0, credibility = 0;
        var credibilityGames = 0;
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
            deterrence += outcomes.IsEmpty ? 0 : outcomes.Average(o => o.Metrics.Deterrence);
            territory += game.State.World.Territory;
            var points = outcomes.SelectMany(o => o.Metrics.Credibility).ToArray();
            if (points.Length > 0)
            {
                credibility += points.Average(p => p.Credibility);
                credibilityGames++;
            }
            rejections += game.Rejections.Length;
        }
        return new SimulationSummary(
            scenario.Id,
            games,
            seed,
            Math.Round((double)collapsed / games, 4),
            tests,
            tests == 0 ? 0 : Math.Round((double)honoured / tests, 4),
            Math.Round(deterrence / games, 4),
            Math.Round(territory / games, 3),
            credibilityGames == 0 ? 0 : Math.Round(credibility / credibilityGames, 4),
            rejections,
            Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
