using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Turns;

/// <summary>
/// Checks a role's orders against its kind of orders, its forces and the agreements in play. Orders of the wrong kind
/// or without a known posture are refused whole; any other invalid part (a troop change, a response, a statement,
/// seeking ratification...) is left out and named, and the rest of the orders stands.
/// </summary>
internal static class OrdersRules
{
    public static Decision Submit(GameState state, SubmitOrders o)
    {
        var role = o.Actor.Role!.Value;
        if (Whole(role, o.Orders) is { } rejection)
            return Decision.Reject(rejection.Code, rejection.Message);
        var (orders, refused) = Parts(state, role, o.Orders);
        return Decision.AcceptWithout(refused, new OrdersSubmitted(role, orders));
    }

    /// <summary>Why these orders cannot be taken at all: missing, of another role's kind, or without a known posture.</summary>
    private static Rejection? Whole(Role role, Orders? orders) => (role, orders) switch
    {
        (_, null) => new("missing-orders", "The orders are empty: choose a posture first."),
        (Role.RU, RussiaOrders ru) => Enum.IsDefined(ru.Posture) ? null
            : new("unknown-posture", "That is not one of Russia's postures (comply, probe, limited offensive, major offensive)."),
        (Role.UA, UkraineOrders ua) => Enum.IsDefined(ua.Posture) ? null
            : new("unknown-posture", "That is not one of Ukraine's postures (hold, fortify, counter-attack)."),
        (Role.US or Role.EU, GuarantorOrders) => null,
        _ => new("wrong-orders-kind", $"{role.DisplayName()} cannot give {DescribeKind(orders)}; its orders are {DescribeKind(role)}."),
    };

    /// <summary>The orders without their invalid parts, and each part left out with why.</summary>
    private static (Orders Orders, ImmutableArray<RefusedPart> Refused) Parts(GameState state, Role role, Orders orders)
    {
        if (orders is not GuarantorOrders g)
            return (orders, []);
        var refused = ImmutableArray.CreateBuilder<RefusedPart>();
        var world = state.World;

        if (Troops(world, role, g) is { } troops)
        {
            refused.Add(new RefusedPart("Troop change", troops.Code, troops.Message));
            g = g with { TroopChange = 0, TroopLocation = world[role].Location };
        }
        if (!Enum.IsDefined(g.Sanctions))
        {
            refused.Add(new RefusedPart("Sanctions", "unknown-sanctions", "Sanctions go up, down or hold."));
            g = g with { Sanctions = SanctionsChange.Hold };
        }
        if (g.Response is { } response && Response(world, role, response) is { } badResponse)
        {
            refused.Add(new RefusedPart("Response", badResponse.Code, badResponse.Message));
            g = g with { Response = null };
        }
        if (g.SeekRatification && Ratification(world, role) is { } badRatification)
        {
            refused.Add(new RefusedPart("Seek ratification", badRatification.Code, badRatification.Message));
            g = g with { SeekRatification = false };
        }
        if (g.Statement is { } statement && Statement(world, role, statement) is { } badStatement)
        {
            refused.Add(new RefusedPart("Statement", badStatement.Code, badStatement.Message));
            g = g with { Statement = null };
        }
        if (g.RaiseSpending && Spending(state, role) is { } badSpending)
        {
            refused.Add(new RefusedPart("Raise defence spending", badSpending.Code, badSpending.Message));
            g = g with { RaiseSpending = false };
        }
        return (g, refused.ToImmutable());
    }

    private static Rejection? Troops(World world, Role role, GuarantorOrders g)
    {
        var maxChange = PhaseTable.Limits.MaxTroopChange;
        if (g.TroopChange < -maxChange || g.TroopChange > maxChange)
            return new("absurd-troops", $"A troop change must be between -{maxChange:N0} and {maxChange:N0}; {g.TroopChange:N0} is not possible.");
        var deployed = world[role].Troops;
        if (deployed + g.TroopChange < 0)
            return new("negative-troops", $"You have {deployed:N0} troops in Ukraine; you cannot withdraw {-g.TroopChange:N0}.");
        var available = world.Hidden(HiddenQuantity.ForceAvailability);
        if (role == HiddenQuantity.ForceAvailability.Owner() && g.TroopChange > 0 && deployed + g.TroopChange > available)
            return new("troops-unavailable", $"Europe has {available:N0} troops available to deploy; {deployed + g.TroopChange:N0} is more than that.");
        if (role == Role.US && deployed + g.TroopChange > TermsCheck.MaxTripwireTroops)
            return new("absurd-troops", $"The United States can station at most {TermsCheck.MaxTripwireTroops:N0} troops in Ukraine.");
        if (!Enum.IsDefined(g.TroopLocation))
            return new("unknown-location", "Troops go to the rear or the contact line.");
        return null;
    }

    private static Rejection? Response(World world, Role role, TestResponse response) =>
        !Enum.IsDefined(response) ? new("unknown-response", "A response is fight, limited, sanctions and arms, or nothing.")
        : !world.PendingTests.Any(t => t.Guarantor == role) ? new("no-test-to-answer", "None of your guarantees was tested last turn, so there is nothing to respond to.")
        : null;

    private static Rejection? Ratification(World world, Role role) =>
        role != Role.US ? new("us-only", "Only the United States seeks ratification (a US domestic order).")
        : !world.Agreements.Any(a => a.Status == AgreementStatus.AwaitingRatification)
            ? new("nothing-to-ratify", "No signed treaty is waiting for ratification by the Senate.")
            : null;

    private static Rejection? Statement(World world, Role role, CommitmentStatement statement)
    {
        if (!Enum.IsDefined(statement.Change))
            return new("unknown-statement", "A statement strengthens or weakens a guarantee, or adds or drops its ambiguity clause.");
        var target = world.Agreements.FirstOrDefault(a => a.Id == statement.AgreementId);
        if (target is not { Kind: AgreementKind.Guarantee } || !target.IsInForce || !target.Guarantee!.Guarantors.Contains(role))
            return new("not-your-guarantee", $"Guarantee #{statement.AgreementId} is not one of your guarantees in force.");
        if (statement.Change == CommitmentChangeKind.AddAmbiguity && target.Ambiguity)
            return new("ambiguity-already", $"Guarantee #{statement.AgreementId} already has an ambiguity clause.");
        if (statement.Change == CommitmentChangeKind.DropAmbiguity && !target.Ambiguity)
            return new("no-ambiguity", $"Guarantee #{statement.AgreementId} has no ambiguity clause to drop.");
        return null;
    }

    private static Rejection? Spending(GameState state, Role role) =>
        role != Role.EU ? new("eu-only", "Only Europe raises defence spending in this game.")
        : state.World.Hidden(HiddenQuantity.SpendingHeadroom) < state.Constants.Value(RuleKey.SpendingHeadroomUsed)
            ? new("no-spending-headroom", "Europe has no spending headroom left to raise defence spending.")
            : null;

    private static string DescribeKind(Orders? orders) => orders switch
    {
        RussiaOrders => "Russia's orders",
        UkraineOrders => "Ukraine's orders",
        _ => "a guarantor's orders",
    };

    private static string DescribeKind(Role role) => role switch
    {
        Role.RU => "Russia's orders (kind \"russia\")",
        Role.UA => "Ukraine's orders (kind \"ukraine\")",
        _ => "a guarantor's orders (kind \"guarantor\")",
    };
}
