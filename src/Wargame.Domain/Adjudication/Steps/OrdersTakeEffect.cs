using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Before step A: every role's orders change forces, readiness, spending and sanctions. A guarantor left below the
/// tripwire it promised is detected here (its record belongs to step E, where tripwires are tested).
/// </summary>
internal static class OrdersTakeEffect
{
    public static StepResult Run(ResolutionContext ctx, World world)
    {
        world = Russia(ctx, world);
        world = Ukraine(ctx, world);
        foreach (var role in new[] { Role.US, Role.EU })
            world = Guarantor(ctx, world, role);
        return Shortfalls(ctx, world);
    }

    private static World Russia(ResolutionContext ctx, World world)
    {
        var orders = ctx.Russia;
        if (orders.Rearm)
        {
            var p = world[Role.RU];
            world = world.Set(Role.RU, p with { Troops = (int)Math.Round(p.Troops * (1 + ctx.Value(RearmShare))) })
                .WithHidden(HiddenQuantity.Rearmament, world.Hidden(HiddenQuantity.Rearmament) + 1);
        }
        if (orders.SanctionsEvasion)
            world = world with { Sanctions = Math.Max(0, world.Sanctions - (int)ctx.Value(EvasionRelief)) };
        return world;
    }

    private static World Ukraine(ResolutionContext ctx, World world)
    {
        var orders = ctx.Ukraine;
        if (orders.Mobilise)
        {
            var p = world[Role.UA];
            world = world.Set(Role.UA, p with { Troops = (int)Math.Min(Effects.MaxTroops, p.Troops + ctx.Value(MobiliseTroops)) })
                .WithHidden(HiddenQuantity.Morale, Math.Max(0, world.Hidden(HiddenQuantity.Morale) - ctx.Value(MobiliseMoraleCost)))
                .WithHidden(HiddenQuantity.Readiness, Math.Max(0, world.Hidden(HiddenQuantity.Readiness) - ctx.Value(MobiliseReadinessCost)));
        }
        if (orders.Posture == UkrainePosture.Fortify)
            world = world.WithHidden(HiddenQuantity.Readiness, Math.Min(1, world.Hidden(HiddenQuantity.Readiness) + ctx.Value(FortifyReadinessGain)));
        return world;
    }

    private static World Guarantor(ResolutionContext ctx, World world, Role role)
    {
        var orders = ctx.Guarantor(role);
        var p = world[role];
        var cap = role == Role.EU ? (int)world.Hidden(HiddenQuantity.ForceAvailability) : TermsCheck.MaxTripwireTroops;
        var troops = Math.Clamp(p.Troops + orders.TroopChange, 0, Math.Max(cap, p.Troops));
        world = world.Set(role, p with { Troops = troops, Location = troops > 0 && orders.TroopChange > 0 ? orders.TroopLocation : p.Location });
        if (orders.ArmsAndIntelligence)
            world = world.WithHidden(HiddenQuantity.Readiness, Math.Min(1, world.Hidden(HiddenQuantity.Readiness) + ctx.Value(ArmsReadinessGain)));
        var headroom = world.Hidden(HiddenQuantity.SpendingHeadroom);
        if (orders.RaiseSpending && role == HiddenQuantity.SpendingHeadroom.Owner() && headroom >= ctx.Value(SpendingHeadroomUsed))
        {
            world = world.WithHidden(HiddenQuantity.ForceAvailability, world.Hidden(HiddenQuantity.ForceAvailability) + ctx.Value(SpendingForceGain))
                .WithHidden(HiddenQuantity.SpendingHeadroom, Math.Round(headroom - ctx.Value(SpendingHeadroomUsed), 6));
        }
        var step = (int)ctx.Value(SanctionsPerOrder);
        var change = orders.Sanctions switch { SanctionsChange.Up => step, SanctionsChange.Down => -step, _ => 0 };
        return world with { Sanctions = Math.Clamp(world.Sanctions + change, 0, World.MaxSanctions) };
    }

    /// <summary>
    /// A guarantor below the troops it promised (a named tripwire, or the troops it had when it signed) breaches its
    /// guarantee, detected, not declared. Drawing troops down below the promise this turn (by order or by a scripted
    /// withdrawal) is a drawdown: reputation and audience costs, and every later test of the guarantee carries the Korea
    /// 1950 precedent. A named tripwire still short in a later turn is a shortfall.
    /// </summary>
    private static StepResult Shortfalls(ResolutionContext ctx, World world)
    {
        var records = new List<ResolutionRecord>();
        var scores = new List<RoleScoreLine>();
        foreach (var agreement in world.GuaranteesInForce.ToArray())
        {
            foreach (var guarantor in agreement.Guarantee!.Guarantors)
            {
                var current = world.Agreement(agreement.Id);
                var promised = current.PromisedTroops(guarantor);
                var position = world[guarantor];
                var troops = position.Troops;
                if (promised == 0 || troops >= promised)
                    continue;
                if (troops < position.TroopsLastTurn && !current.DrawdownTurn.ContainsKey(guarantor))
                {
                    world = Drawdown(ctx, world, current, guarantor, promised, records, scores);
                    continue;
                }
                if (current.SignedTurn < ctx.Turn && agreement.Guarantee.Tripwires.FirstOrDefault(t => t.Guarantor == guarantor) is { } tripwire && troops < tripwire.Troops)
                {
                    world = world.Breach(agreement.Id, guarantor);
                    records.Add(Explanations.TripwireShortfall(ctx, current, tripwire, troops));
                }
            }
        }
        return StepResult.Of(world, records, scores);
    }

    private static World Drawdown(ResolutionContext ctx, World world, Agreement agreement, Role guarantor, int promised, List<ResolutionRecord> records, List<RoleScoreLine> scores)
    {
        var troops = world[guarantor].Troops;
        var rep = agreement.Reputation.TryGetValue(guarantor, out var r) ? r : world[guarantor].Reputation;
        var loss = ctx.Value(DrawdownRenegeShare) * ctx.Value(RenegeLoss) * rep;
        var (publicness, publicTerms) = Publicness.Of(ctx.Rules, agreement, guarantor);
        var ac = ctx.Value(DrawdownAudienceShare) * Publicness.AudienceCost(ctx.Rules, agreement, guarantor);
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(new Term("troops promised (named tripwire or troops at signing)", promised, "AGREEMENT", $"guarantee #{agreement.Id}"));
        terms.Add(new Term("troops in Ukraine now", troops, "ORDERS", "order of battle"));
        terms.Add(ctx.Term(DrawdownRenegeShare, "reputation lost, as a share of a renege's"));
        terms.Add(ctx.Term(RenegeLoss, "reputation lost by backing down", formula: "Rep -= c Rep"));
        terms.Add(ctx.Term(DrawdownAudienceShare, "audience cost, as a share of backing down's"));
        terms.Add(ctx.Term(AudienceCostScale, "audience cost scale"));
        terms.AddRange(publicTerms);
        terms.Add(new Term("publicness", publicness, "F", "the terms above"));
        terms.Add(ctx.Term(Deterrence.FormKey(agreement.Form), $"legal form: {Deterrence.FormName(agreement.Form)}", formula: "L_form"));
        world = world.Breach(agreement.Id, guarantor).Replace(agreement.Id, a => a with
        {
            DrawdownTurn = a.DrawdownTurn.SetItem(guarantor, ctx.Turn),
            Reputation = a.Reputation.SetItem(guarantor, Math.Max(0, rep - loss)),
            StatusReason = $"Turn {ctx.Turn}: {guarantor.DisplayName()} drew its troops down to {troops:N0}, below the {promised:N0} it promised.",
        });
        // The standing reputation is public: a secret guarantee's drawdown moves it only once the guarantee is known.
        if (agreement.IsKnownToAll)
            world = world.Set(guarantor, world[guarantor].WithReputationChange(ctx.Turn, -loss * ctx.Value(RenegeSpread), $"drew troops below the promise of guarantee #{agreement.Id}"));
        scores.Add(Explanations.DrawdownCost(guarantor, agreement.Id, ac));
        records.Add(Explanations.Drawdown(ctx, world.Agreement(agreement.Id), guarantor, promised, troops, rep, loss, ac, terms.ToImmutable()));
        return world;
    }
}
