using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Step G: each guarantor may reverse its commitment at home, r = r_form (x election, x exit pressure, x low support)
/// (1 - c [economic stake]); a reversal drops the legal form to verbal (a verbal one lapses). Then agreements whose
/// duration has run out expire.
/// </summary>
internal static class ReversalStep
{
    public static StepResult Run(ResolutionContext ctx, World world)
    {
        var records = new List<ResolutionRecord>();
        foreach (var agreement in world.GuaranteesInForce.ToArray())
        {
            // Each guarantor rolls once; a reversal already this turn settles the guarantee for the others.
            foreach (var guarantor in agreement.Guarantee!.Guarantors)
            {
                var current = world.Agreement(agreement.Id);
                if (!current.IsInForce || current.Form != agreement.Form)
                    break;
                var (r, terms) = Probability(ctx, world, current, guarantor);
                var roll = ctx.Roll(RecordKind.Reversal, $"{guarantor}-g{agreement.Id}", r);
                var verbal = current.Form == LegalForm.Verbal;
                if (roll.Success)
                {
                    world = world.Replace(agreement.Id, a => verbal
                        ? a with
                        {
                            Status = AgreementStatus.Revoked,
                            StatusReason = $"Turn {ctx.Turn}: a domestic reversal in {guarantor.DisplayName()} disowned the verbal commitment.",
                        }
                        : a with
                        {
                            CurrentForm = LegalForm.Verbal,
                            StatusReason = $"Turn {ctx.Turn}: a domestic reversal in {guarantor.DisplayName()} reduced the guarantee to a verbal commitment; commitment is recomputed.",
                        });
                }
                records.Add(Explanations.Reversal(ctx, world, current, guarantor, terms, r, roll));
            }
        }
        foreach (var agreement in world.Agreements.Where(a => a.IsInForce && a.Terms.DurationTurns is { } d && a.SignedTurn + d <= ctx.Turn).ToArray())
            world = world.Replace(agreement.Id, a => a with { Status = AgreementStatus.Expired, StatusReason = $"Turn {ctx.Turn}: expired after {a.Terms.DurationTurns} turns." });
        return StepResult.Of(world, records);
    }

    /// <summary>r for one guarantor on one guarantee, with its terms; the explanation's counterfactual reads the same table.</summary>
    public static (double R, ImmutableArray<Term> Terms) Probability(ResolutionContext ctx, World world, Agreement agreement, Role guarantor)
    {
        var position = world[guarantor];
        var terms = ImmutableArray.CreateBuilder<Term>();
        var formKey = FormKey(agreement.Form);
        terms.Add(ctx.Term(formKey, $"legal form: {Deterrence.FormName(agreement.Form)}", formula: "r_form"));
        var r = ctx.Value(formKey);
        if ((int)world.Hidden(HiddenQuantities.ElectionOf(guarantor)) == ctx.Turn)
        {
            terms.Add(ctx.Term(ReversalElection, "election turn"));
            r *= ctx.Value(ReversalElection);
        }
        if (agreement.Guarantee!.EconomicStake != EconomicStake.None)
        {
            var damping = ctx.Value(ReversalStakeDamping);
            terms.Add(ctx.Computed(ReversalStakeDamping, "economic stake holds it in place", 1 - damping, formula: "1 - c"));
            r *= 1 - damping;
        }
        if (position.ExitPressure)
        {
            terms.Add(ctx.Term(ReversalExitPressure, "exit pressure after casualties"));
            r *= ctx.Value(ReversalExitPressure);
        }
        if (world.Hidden(HiddenQuantities.SupportOf(guarantor)) < ctx.Value(LowSupportThreshold))
        {
            terms.Add(ctx.Term(ReversalLowSupport, "low domestic support"));
            r *= ctx.Value(ReversalLowSupport);
        }
        return (r, terms.ToImmutable());
    }

    public static RuleKey FormKey(LegalForm form) => form switch
    {
        LegalForm.ExecutiveAgreement => ReversalExecutive,
        LegalForm.CongressionalExecutive => ReversalCongressionalExecutive,
        LegalForm.RatifiedTreaty => ReversalTreaty,
        _ => ReversalVerbal,
    };
}
