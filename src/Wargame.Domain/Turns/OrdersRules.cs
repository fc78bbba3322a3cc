using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Turns;

/// <summary>Checks a role's orders against its kind of orders, its forces and the agreements in play.</summary>
internal static class OrdersRules
{
    public static Decision Submit(GameState state, SubmitOrders o)
    {
        var role = o.Actor.Role!.Value;
        return Check(state, role, o.Orders) is { } rejection
            ? Decision.Reject(rejection.Code, rejection.Message)
            : Decision.Accept(new OrdersSubmitted(role, o.Orders));
    }

    public static Rejection? Check(GameState state, Role role, Orders? orders)
    {
        if (orders is null)
            return new("missing-orders", "The orders are empty: choose a posture first.");
        var world = state.World;
        switch (role, orders)
        {
            case (Role.RU, RussiaOrders ru):
                if (!Enum.IsDefined(ru.Posture)) return new("unknown-posture", "That is not one of Russia's postures (comply, probe, limited offensive, major offensive).");
                return null;
            case (Role.UA, UkraineOrders ua):
                if (!Enum.IsDefined(ua.Posture)) return new("unknown-posture", "That is not one of Ukraine's postures (hold, fortify, counter-attack).");
                return null;
            case (Role.US or Role.EU, GuarantorOrders g):
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
                if (!Enum.IsDefined(g.TroopLocation)) return new("unknown-location", "Troops go to the rear or the contact line.");
                if (!Enum.IsDefined(g.Sanctions)) return new("unknown-sanctions", "Sanctions go up, down or hold.");
                if (g.Response is { } response)
                {
                    if (!Enum.IsDefined(response)) return new("unknown-response", "A response is fight, limited, sanctions and arms, or nothing.");
                    if (!world.PendingTests.Any(t => t.Guarantor == role))
                        return new("no-test-to-answer", "None of your guarantees was tested last turn, so there is nothing to respond to.");
                }
                if (g.SeekRatification && role != Role.US)
                    return new("us-only", "Only the United States seeks ratification (a US domestic order).");
                if (g.SeekRatification && !world.Agreements.Any(a => a.Status == AgreementStatus.AwaitingRatification))
                    return new("nothing-to-ratify", "\"Seek ratification\" cannot be ordered: no signed treaty is waiting for ratification. Untick it and send again; nothing else in your orders was refused.");
                if (g.Statement is { } statement)
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
                }
                if (g.RaiseSpending && role != Role.EU)
                    return new("eu-only", "Only Europe raises defence spending in this game.");
                if (g.RaiseSpending && world.Hidden(HiddenQuantity.SpendingHeadroom) < state.Constants.Value(RuleKey.SpendingHeadroomUsed))
                    return new("no-spending-headroom", "Europe has no spending headroom left to raise defence spending.");
                return null;
            default:
                return new("wrong-orders-kind", $"{role.DisplayName()} cannot give {DescribeKind(orders)}; its orders are {DescribeKind(role)}.");
        }
    }

    private static string DescribeKind(Orders orders) => orders switch
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
