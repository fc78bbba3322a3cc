import type { Orders, OrdersView, Role } from "../../api/types";
import { humanize, locationName, thousands } from "../../ui/format";

/** What the form starts from when a role has neither submitted nor standing orders (its first turn). */
export function defaultOrders(role: Role): Orders {
  switch (role) {
    case "RU":
      return { kind: "russia", posture: "Comply", rearm: false, sanctionsEvasion: false };
    case "UA":
      return { kind: "ukraine", posture: "Hold", mobilise: false };
    default:
      return {
        kind: "guarantor",
        troopChange: 0,
        troopLocation: "Rear",
        armsAndIntelligence: false,
        sanctions: "Hold",
        response: null,
        seekRatification: false,
        raiseSpending: false,
        statement: null,
      };
  }
}

/** The draft the orders form opens with: this turn's submitted orders, else the standing ones, else the defaults. */
export function initialOrders(own: OrdersView | undefined, role: Role): Orders {
  return own?.submitted ?? own?.standing ?? defaultOrders(role);
}

/** One line a person reads: "Probe, rearm" or "deploy 2,000 troops (rear), arms and intelligence". */
export function describeOrders(o: Orders): string {
  switch (o.kind) {
    case "russia":
      return [humanize(o.posture), o.rearm && "rearm", o.sanctionsEvasion && "evade sanctions"].filter(Boolean).join(", ");
    case "ukraine":
      return [humanize(o.posture), o.mobilise && "mobilise"].filter(Boolean).join(", ");
    case "guarantor":
      return [
        o.troopChange > 0
          ? `deploy ${thousands(o.troopChange)} troops (${locationName(o.troopLocation)})`
          : o.troopChange < 0
            ? `withdraw ${thousands(-o.troopChange)} troops`
            : "no troop change",
        o.armsAndIntelligence && "arms and intelligence",
        o.sanctions !== "Hold" && `sanctions ${o.sanctions.toLowerCase()}`,
        o.response && `response to test: ${humanize(o.response)}`,
        o.seekRatification && "seek ratification",
        o.raiseSpending && "raise spending",
      ]
        .filter(Boolean)
        .join(", ");
  }
}
