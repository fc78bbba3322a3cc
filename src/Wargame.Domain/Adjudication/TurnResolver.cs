using System.Collections.Immutable;
using Wargame.Domain.Adjudication.Steps;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Adjudication;

/// <summary>
/// Resolves one turn in the fixed order of game-model.md, one step per file in Steps/: orders take effect, then
/// A commitment, B capability, C credibility and deterrence, D ceasefire hazard and violations, E tests of
/// guarantees, F reputation and audience costs, G domestic reversal, H scores. Each step gets the shared
/// <see cref="ResolutionContext"/> and the world so far and returns the world after it with its records; the
/// sentences come from <see cref="Explanations"/>. Pure: same inputs, same outcome.
/// </summary>
internal static class TurnResolver
{
    public static IReadOnlyDictionary<string, Adjustment> NoAdjustments { get; } = new Dictionary<string, Adjustment>();

    public static (TurnOutcome Outcome, World World) Resolve(GameState state, ImmutableSortedDictionary<Role, Orders> orders, IReadOnlyDictionary<string, Adjustment> adjustments)
    {
        var ctx = new ResolutionContext(state, orders, adjustments);
        var records = ImmutableArray.CreateBuilder<ResolutionRecord>();
        var scoreLines = new List<RoleScoreLine>();
        World Keep(StepResult step)
        {
            records.AddRange(step.Records);
            scoreLines.AddRange(step.Scores);
            return step.World;
        }

        // Rally and exit pressure last from the casualties until the next resolution.
        var world = state.World with { Positions = state.World.Positions.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value with { Rallied = false, ExitPressure = false }) };
        world = Keep(OrdersTakeEffect.Run(ctx, world));
        var (commitment, assessment) = CommitmentStep.Run(ctx, world);
        world = Keep(commitment);
        world = Keep(CapabilityStep.Run(ctx, world, assessment));
        var estimate = Perception.Of(world, ctx.Rules, assessment, ctx.Seed);
        world = Keep(CredibilityStep.Run(ctx, world, assessment, estimate));
        // Russia breaks a ceasefire on what it believes: the hazard takes its estimate of D.
        var ceasefire = CeasefireStep.Run(ctx, world, estimate.Deterrence);
        world = Keep(ceasefire.Step);
        var tests = GuaranteeTestStep.Run(ctx, world);
        world = Keep(tests.Step);
        world = Keep(ReputationStep.Run(ctx, world, tests.Answered));
        world = Keep(ReversalStep.Run(ctx, world));
        var (scoring, scores) = ScoreStep.Run(ctx, world, assessment.Deterrence, tests.UsFought, scoreLines);
        world = Keep(scoring);

        world = world with
        {
            SpoilerPressure = 0,
            CeasefireEverCollapsed = world.CeasefireEverCollapsed || ceasefire.Collapsed,
            Positions = world.Positions.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value with { TroopsLastTurn = kv.Value.Troops }),
            Agreements = [.. world.Agreements.Select(a => a.IsInForce ? a with { TurnsInForce = a.TurnsInForce + 1 } : a)],
        };
        var metrics = new TurnMetrics
        {
            Turn = ctx.Turn,
            Credibility = [.. assessment.Guarantors.Select(a => new CredibilityPoint(a.AgreementId, a.Guarantor, a.Commitment, a.Capability, a.Credibility))],
            Deterrence = assessment.Deterrence,
            RussianEstimate = estimate.Deterrence,
            Perceived = [.. estimate.Guarantors.Select(p => new CredibilityPoint(p.AgreementId, p.Guarantor, p.Commitment, p.Capability, p.Credibility))],
            Hazard = ceasefire.Hazard,
            Territory = world.Territory,
            Scores = world.Scores,
            Reputation = RoleSet.All.Where(r => r.IsGuarantor()).ToImmutableSortedDictionary(r => r, r => world[r].Reputation),
        };
        var outcome = new TurnOutcome
        {
            Turn = ctx.Turn,
            // In the order of the steps (a tripwire shortfall is found with the orders but belongs to step E).
            Records = [.. records.OrderBy(r => r.Step, StringComparer.Ordinal)],
            Scores = scores,
            Metrics = metrics,
            Tests = tests.Tests,
            CeasefireCollapsed = ceasefire.Collapsed,
        };
        return (outcome, world);
    }
}
