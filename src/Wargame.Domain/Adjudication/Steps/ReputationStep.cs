using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Step F: a guarantor that honoured a test gains reputation, Rep += c (1 - Rep); one that backed down loses
/// Rep -= c Rep on that guarantee, a share of it on its others, and pays audience costs AC = c publicness (1 + L_form).
/// </summary>
internal static class ReputationStep
{
    public static StepResult Run(ResolutionContext ctx, World world, ImmutableArray<AnsweredTest> answered)
    {
        var records = new List<ResolutionRecord>();
        var scores = new List<RoleScoreLine>();
        foreach (var (agreement, test, response, honoured) in answered)
        {
            var guarantor = test.Guarantor;
            var current = world.Agreement(agreement.Id);
            var rep = current.Reputation.TryGetValue(guarantor, out var r) ? r : world[guarantor].Reputation;
            var position = world[guarantor];
            var terms = ImmutableArray.CreateBuilder<Term>();
            terms.Add(new Term("reputation on this guarantee", rep, "F", "step F"));
            if (honoured)
            {
                var gain = GainOnHonour(ctx, rep);
                terms.Add(ctx.Term(HonourGain, "reputation gained by honouring", formula: "Rep += c (1 - Rep)"));
                world = world.Replace(agreement.Id, a => a with
                {
                    Status = a.IsInForce ? AgreementStatus.Tested : a.Status,
                    StatusReason = $"Turn {ctx.Turn}: tested and honoured by {guarantor.DisplayName()} ({response}).",
                    Reputation = a.Reputation.SetItem(guarantor, rep + gain),
                });
                world = world.Set(guarantor, position.WithReputationChange(ctx.Turn, gain, $"honoured guarantee #{agreement.Id} ({response})"));
                scores.Add(Explanations.Honoured(ctx, guarantor, agreement.Id, response, gain));
                records.Add(Explanations.Honour(ctx, agreement.Id, guarantor, response, terms.ToImmutable(), rep, gain));
            }
            else
            {
                var loss = LossOnRenege(ctx, rep);
                var spread = ctx.Value(RenegeSpread) * loss;
                var form = ctx.Term(Deterrence.FormKey(current.Form), $"legal form: {Deterrence.FormName(current.Form)}", formula: "L_form");
                var (publicness, publicTerms) = Publicness.Of(ctx.Rules, current, guarantor);
                var ac = ctx.Value(AudienceCostScale) * publicness * (1 + form.Value);
                terms.Add(ctx.Term(RenegeLoss, "reputation lost by backing down", formula: "Rep -= c Rep"));
                terms.Add(ctx.Term(RenegeSpread, "share spread to other guarantees"));
                terms.Add(ctx.Term(AudienceCostScale, "audience cost scale"));
                terms.AddRange(publicTerms);
                terms.Add(new Term("publicness", publicness, "F", "the terms above"));
                terms.Add(form);
                world = world with
                {
                    Agreements = [.. world.Agreements.Select(a => a.Id == agreement.Id
                        ? a with
                        {
                            Status = a.IsInForce ? AgreementStatus.Violated : a.Status,
                            StatusReason = $"Turn {ctx.Turn}: {guarantor.DisplayName()} backed down ({response}) when the guarantee was tested.",
                            Violators = a.Violators.With(guarantor),
                            Reputation = a.Reputation.SetItem(guarantor, rep - loss),
                        }
                        : a.Reputation.TryGetValue(guarantor, out var other)
                            ? a with { Reputation = a.Reputation.SetItem(guarantor, Math.Max(0, other - spread)) }
                            : a)],
                };
                world = world.Set(guarantor, position.WithReputationChange(ctx.Turn, -spread, $"backed down on guarantee #{agreement.Id} ({response})"));
                scores.Add(Explanations.AudienceCost(ctx, guarantor, agreement.Id, ac));
                var precedent = test.TroopsShrunk || current.DrawdownTurn.ContainsKey(guarantor) ? Precedent.KoreaTripwireShrunk
                    : ctx.Start[guarantor].ExitPressure ? Precedent.CasualtiesThenExit
                    : current.Form == LegalForm.Verbal && position.Troops == 0 ? Precedent.MemorandumWithoutForces
                    : (Precedent?)null;
                records.Add(Explanations.BackedDown(ctx, agreement.Id, guarantor, response, terms.ToImmutable(), rep, loss, spread, ac, precedent));
            }
        }
        return StepResult.Of(world, records, scores);
    }

    /// <summary>Honouring: Rep += c (1 - Rep). The counterfactual of backing down asks it too.</summary>
    public static double GainOnHonour(ResolutionContext ctx, double rep) => ctx.Value(HonourGain) * (1 - rep);

    /// <summary>Backing down: Rep -= c Rep. The counterfactual of honouring asks it too.</summary>
    public static double LossOnRenege(ResolutionContext ctx, double rep) => ctx.Value(RenegeLoss) * rep;
}
