import { describe, expect, it } from "vitest";
import { defaultCeasefire, defaultGuarantee, termsChanges, termsRows, toggle } from "./terms";

describe("terms", () => {
  it("list a ceasefire's terms, with mediators only when named", () => {
    const rows = new Map(
      termsRows({ ...defaultCeasefire(), line: "WithdrawToLine", lineName: "the Dnipro", dmzWidthKm: 15, uaForceCapThousands: 600 }),
    );
    expect(rows.get("Duration")).toBe("Until the game ends");
    expect(rows.get("Line of contact")).toBe("Withdraw to the Dnipro");
    expect(rows.get("Demilitarised zone")).toBe("15 km");
    expect(rows.get("Ukraine force cap")).toBe("600k troops");
    expect(rows.has("Mediators")).toBe(false);
    expect(new Map(termsRows({ ...defaultCeasefire(), mediators: ["US", "EU"] })).get("Mediators")).toBe("United States, Europe");
  });

  it("list a guarantee's guarantors, legal form and tripwires", () => {
    const rows = new Map(
      termsRows({
        ...defaultGuarantee(),
        durationTurns: 3,
        guarantors: ["US", "EU"],
        legalForm: "RatifiedTreaty",
        tripwires: [{ guarantor: "US", troops: 2000, location: "Rear" }],
      }),
    );
    expect(rows.get("Duration")).toBe("3 turns");
    expect(rows.get("Guarantors")).toBe("United States and Europe");
    expect(rows.get("Legal form")).toBe("Ratified treaty");
    expect(rows.get("Tripwires")).toBe("United States 2,000 troops (rear)");
    expect(rows.get("Announced")).toBe("Public: every team knows of it");
    expect(new Map(termsRows({ ...defaultGuarantee(), public: false })).get("Announced")).toBe("Secret: known to its parties only");
  });

  it("toggle a member in or out of a list once", () => {
    expect(toggle(["US"], "EU", true)).toEqual(["US", "EU"]);
    expect(toggle(["US", "EU"], "EU", true)).toEqual(["US", "EU"]);
    expect(toggle(["US", "EU"], "US", false)).toEqual(["EU"]);
  });
});

describe("termsChanges", () => {
  it("lists only the terms that differ, with both values", () => {
    const before = defaultCeasefire();
    const after = { ...before, dmzWidthKm: 20, jointCommission: true };
    expect(termsChanges(before, after)).toEqual([
      { term: "Demilitarised zone", from: "None", to: "20 km" },
      { term: "Joint commission", from: "No", to: "Yes" },
    ]);
    expect(termsChanges(before, before)).toEqual([]);
  });

  it("reports a change of kind as one line", () => {
    expect(termsChanges(defaultCeasefire(), defaultGuarantee())).toEqual([
      { term: "Kind", from: "Ceasefire agreement", to: "Security guarantee" },
    ]);
  });
});
