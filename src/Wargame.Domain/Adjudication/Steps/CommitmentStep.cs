using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Step A: the Senate may ratify a signed treaty (a US domestic order), then commitment C_i of every guarantor on
/// every guarantee in force. The assessment of steps A–C is made here, once, on the world after ratification.
/// </summary>
internal static class CommitmentStep
{
    public static (StepResult Result, Assessment Assessment) Run(ResolutionContext ctx, World world)
    {
        var records = new List<ResolutionRecord>();
        foreach (var guarantor in new[] { Role.US, Role.EU })
        {
            if (ctx.Guarantor(guarantor).Statement is { } statement)
                world = Statement(ctx, world, guarantor, statement, records);
        }
        if (ctx.Guarantor(Role.US).SeekRatification)
        {
            foreach (var agreement in world.Agreements.Where(a => a.Status == AgreementStatus.AwaitingRatification).ToArray())
            {
                var mood = world.Hidden(HiddenQuantity.CongressMood);
                var b = ctx.Rules[RatificationBase];
                var w = ctx.Rules[RatificationCongressWeight];
                var p = RatificationChance(ctx, mood);
                var roll = ctx.Roll(RecordKind.Ratification, $"g{agreement.Id}", p);
                if (roll.Success)
                    world = world.Replace(agreement.Id, a => a with { Status = AgreementStatus.InForce, StatusReason = $"Ratified by the US Senate in turn {ctx.Turn}." });
                Term[] terms = [new Term("base", b.Value, b.Tag, b.Source), new Term($"Congress mood {Fmt.Two(mood)}", w.Value * mood, w.Tag, w.Source) { Formula = $"{Fmt.Two(w.Value)} x mood" }];
                records.Add(Explanations.Ratification(ctx, agreement.Id, [.. terms], p, mood, roll));
            }
        }

        var assessment = Deterrence.Assess(world, ctx.Rules);
        foreach (var a in assessment.Guarantors)
            records.Add(Explanations.Commitment(ctx, world, world.Agreement(a.AgreementId), a));
        return (StepResult.Of(world, records), assessment);
    }

    /// <summary>P(ratify) = base + weight x Congress mood; the counterfactual asks it with a warmer Congress.</summary>
    public static double RatificationChance(ResolutionContext ctx, double mood) =>
        ctx.Value(RatificationBase) + ctx.Value(RatificationCongressWeight) * mood;

    /// <summary>
    /// Hedging in play: a statement strengthens or weakens a commitment, or adds or drops its ambiguity clause; the
    /// agreement keeps the change with its reason. A strengthening statement is public, so it discloses a secret guarantee.
    /// </summary>
    private static World Statement(ResolutionContext ctx, World world, Role guarantor, CommitmentStatement statement, List<ResolutionRecord> records)
    {
        var before = world.Agreement(statement.AgreementId);
        if (!before.IsInForce)
            return world;
        var reason = Explanations.StatementReason(guarantor, statement.Change);
        var discloses = statement.Change == CommitmentChangeKind.Strengthen && !before.IsKnownToAll;
        world = world.Replace(before.Id, a => a with
        {
            Changes = a.Changes.Add(new CommitmentChange(ctx.Turn, guarantor, statement.Change, reason)),
            Disclosed = a.Disclosed || discloses,
            StatusReason = $"Turn {ctx.Turn}: {reason}.",
        });
        var after = world.Agreement(before.Id);
        var was = Deterrence.CommitmentValue(world, ctx.Rules, before, guarantor, before.Form);
        var now = Deterrence.CommitmentValue(world, ctx.Rules, after, guarantor, after.Form);
        records.Add(Explanations.Statement(ctx, after, guarantor, statement.Change, was, now, discloses));
        return world;
    }
}
