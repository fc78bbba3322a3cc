using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Guarantees;

/// <summary>Russia's estimate of one guarantor on one guarantee it knows of, beside the true values (for the debrief).</summary>
public sealed record PerceivedGuarantor(
    int AgreementId,
    Role Guarantor,
    double Commitment,
    double Capability,
    double Credibility,
    double TrueCommitment,
    double TrueCapability,
    double TrueCredibility);

/// <summary>What Russia believes: each C_i and K_S of the guarantees it knows of, with error, and the D that follows.</summary>
public sealed record RussianEstimate(ImmutableArray<PerceivedGuarantor> Guarantors, double Deterrence, double ErrorLogit, double Intelligence);

/// <summary>
/// Step C as Russia sees it (Jervis 1976: deterrence works through the adversary's beliefs). Russia sees the public
/// terms; its estimate of each commitment C_i and each capability K_S is the truth shifted in logits by a seeded error
/// of at most <see cref="RuleKey.PerceptionNoise"/>, narrowed by Russia's intelligence. The error of a guarantee is
/// drawn once per game (turn 0), so a misperception persists until intelligence narrows it: Russia can over- or
/// under-estimate a guarantor's resolve for the whole game.
/// </summary>
public static class Perception
{
    public static RussianEstimate Of(World world, RulesTable rules, Assessment truth, ulong seed)
    {
        var intelligence = world.Hidden(HiddenQuantity.Intelligence);
        var width = rules.Value(RuleKey.PerceptionNoise) * (1 - rules.Value(RuleKey.IntelligenceNoiseReduction) * intelligence);
        var list = ImmutableArray.CreateBuilder<PerceivedGuarantor>();
        foreach (var a in truth.Known)
        {
            var c = Deterrence.Sigmoid(Deterrence.Logit(a.Commitment) + width * Error(seed, "perception-commitment", $"{a.Guarantor}-g{a.AgreementId}"));
            var k = Deterrence.Sigmoid(Deterrence.Logit(a.Capability) + width * Error(seed, "perception-capability", $"g{a.AgreementId}"));
            list.Add(new PerceivedGuarantor(a.AgreementId, a.Guarantor, c, k, Math.Sqrt(c * k), a.Commitment, a.Capability, a.Credibility));
        }
        var perceived = list.ToImmutable();
        return new RussianEstimate(perceived, Deterrence.Combine(perceived.Select(p => (p.Guarantor, p.Credibility))), width, intelligence);
    }

    /// <summary>A triangular error in [-1, 1] (the sum of two d10000 rolls), fixed for the game.</summary>
    private static double Error(ulong seed, string kind, string subject) =>
        (Dice.Roll(seed, 0, kind, subject) + Dice.Roll(seed, 0, kind + "-2", subject) - 10_001) / 9_999.0;
}
