import { describe, expect, it } from "vitest";
import type { TurnMetrics } from "../../api/types";
import { chartGroups, chartSummary } from "./charts";

const turn = (n: number, overrides: Partial<TurnMetrics> = {}): TurnMetrics => ({
  turn: n,
  credibility: [],
  deterrence: 0.3 + n / 10,
  russianEstimate: null,
  perceived: [],
  hazard: null,
  territory: 80,
  scores: {},
  reputation: {},
  ...overrides,
});

describe("charts", () => {
  it("plot turns in order and leave out what the audience's metrics do not hold", () => {
    const groups = chartGroups([turn(2), turn(1)]);
    expect(groups.map((g) => g.title)).toEqual(["Deterrence (D)", "Territory held by Ukraine (%)"]);
    expect(groups[0].turns).toEqual([1, 2]);
    expect(groups[0].range).toEqual([0, 1]);
  });

  it("draw one line per guarantee and guarantor, and one per role with a score", () => {
    const credibility = [{ agreementId: 7, guarantor: "US" as const, commitment: 0.5, capability: 0.6, credibility: 0.3 }];
    const groups = chartGroups([turn(1, { credibility, hazard: 0.1, scores: { RU: 2 } }), turn(2, { scores: { RU: 3, UA: 1 } })]);
    const byTitle = new Map(groups.map((g) => [g.title, g]));
    expect(byTitle.get("Credibility per guarantee")?.series).toEqual([{ label: "Guarantee #7, United States", data: [0.3, null] }]);
    expect(byTitle.get("Ceasefire hazard")?.series[0].data).toEqual([0.1, null]);
    expect(byTitle.get("Scores")?.series.map((s) => [s.label, s.data])).toEqual([
      ["Ukraine", [null, 1]],
      ["Russia", [2, 3]],
    ]);
  });

  it("read each series aloud with its gaps", () => {
    expect(chartSummary([{ label: "Scores", data: [1.23456, null] }])).toBe("Scores: 1.235, –");
  });
});
