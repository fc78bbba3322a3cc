using Wargame.Domain.Game;
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

    /// <summary>A guarantor below the tripwire it promised breaches its guarantee (detected, not declared).</summary>
    private static StepResult Shortfalls(ResolutionContext ctx, World world)
    {
        var records = new List<ResolutionRecord>();
        foreach (var agreement in world.GuaranteesInForce.ToArray())
        {
            foreach (var tripwire in agreement.Guarantee!.Tripwires.Where(t => agreement.SignedTurn < ctx.Turn))
            {
                var troops = world[tripwire.Guarantor].Troops;
                if (troops >= tripwire.Troops)
                    continue;
                world = world.Breach(agreement.Id, tripwire.Guarantor);
                records.Add(Explanations.TripwireShortfall(ctx, agreement.Id, tripwire, troops));
            }
        }
        return StepResult.Of(world, records);
    }
}
