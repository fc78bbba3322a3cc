import { describe, expect, it } from "vitest";
import type { TurnMetrics } from "../../api/types";
import { chartGroups, chartSummary, turnMarkers } from "./charts";

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
    expect(byTitle.get("Credibility per guarantee")?.series).toEqual([
      { label: "Guarantee #7, United States", data: [0.3, null], color: "#6a3d9a" },
    ]);
    expect(byTitle.get("Ceasefire hazard")?.series[0].data).toEqual([0.1, null]);
    // A probability per turn, on an axis from 0 to 1.
    expect(byTitle.get("Ceasefire hazard")?.range).toEqual([0, 1]);
    expect(byTitle.get("Scores")?.series.map((s) => [s.label, s.data])).toEqual([
      ["Ukraine", [null, 1]],
      ["Russia", [2, 3]],
    ]);
  });

  it("read each series aloud with its gaps", () => {
    expect(chartSummary([{ label: "Scores", data: [1.23456, null] }])).toBe("Scores: 1.235, –");
  });

  it("name a guarantee by the audience's number, not its id", () => {
    const credibility = [{ agreementId: 7, guarantor: "EU" as const, commitment: 0.5, capability: 0.6, credibility: 0.3 }];
    const groups = chartGroups([turn(1, { credibility })], (id) => (id === 7 ? "#2" : "?"));
    expect(groups[0].series[0].label).toBe("Guarantee #2, Europe");
  });

  it("mark ceasefire breaks, guarantee tests and injects at the turn each happened, and nothing else", () => {
    const sentence = (text: string, topic: "CeasefireBroken" | "GuaranteeTested" | "Deterrence") => ({
      text,
      recordId: null,
      topic,
      role: null,
      more: false,
    });
    const markers = turnMarkers({
      headlines: [
        { turn: 1, title: "Turn 1: A quiet turn", sentences: [sentence("Deterrence held at 0.40.", "Deterrence")] },
        {
          turn: 2,
          title: "Turn 2: Guarantee tested; Ceasefire broken",
          sentences: [
            sentence("The offensive tested guarantee #1 (Europe): its guarantors must answer in next turn's orders.", "GuaranteeTested"),
            sentence("The ceasefire broke: Russia's offensive violated ceasefire #2.", "CeasefireBroken"),
          ],
        },
      ],
      injects: [{ turn: 1, cardId: null, title: "Drone strike on a grain port", text: "", effects: [] }],
    });
    expect(markers).toEqual([
      { turn: 1, kind: "inject", text: "Inject: Drone strike on a grain port" },
      { turn: 2, kind: "break", text: "The ceasefire broke: Russia's offensive violated ceasefire #2." },
      { turn: 2, kind: "test", text: "The offensive tested guarantee #1 (Europe): its guarantors must answer in next turn's orders." },
    ]);
  });
});
