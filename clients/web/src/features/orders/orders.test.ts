import { describe, expect, it } from "vitest";
import type { GuarantorOrders, Orders } from "../../api/types";
import { defaultOrders, describeOrders, initialOrders } from "./orders";

describe("orders", () => {
  it("read as one line of what the role does", () => {
    expect(describeOrders({ kind: "russia", posture: "Probe", rearm: true, sanctionsEvasion: false })).toBe("Probe, rearm");
    expect(describeOrders({ kind: "ukraine", posture: "CounterAttack", mobilise: true })).toBe("Counter attack, mobilise");
    const guarantor = defaultOrders("US") as GuarantorOrders;
    expect(describeOrders(guarantor)).toBe("no troop change");
    expect(
      describeOrders({ ...guarantor, troopChange: 2000, troopLocation: "ContactLine", armsAndIntelligence: true, sanctions: "Up" }),
    ).toBe("deploy 2,000 troops (contact line), arms and intelligence, sanctions up");
    expect(describeOrders({ ...guarantor, troopChange: -500, response: "SanctionsAndArms" })).toBe(
      "withdraw 500 troops, response to test: Sanctions and arms",
    );
  });

  it("open the form on this turn's orders, else the standing ones, else the role's defaults", () => {
    const standing: Orders = { kind: "russia", posture: "Comply", rearm: true, sanctionsEvasion: false };
    const submitted: Orders = { kind: "russia", posture: "MajorOffensive", rearm: false, sanctionsEvasion: true };
    expect(initialOrders({ role: "RU", submitted, standing }, "RU")).toBe(submitted);
    expect(initialOrders({ role: "RU", submitted: null, standing }, "RU")).toBe(standing);
    expect(initialOrders(undefined, "UA")).toEqual({ kind: "ukraine", posture: "Hold", mobilise: false });
    expect(defaultOrders("EU").kind).toBe("guarantor");
  });
});
