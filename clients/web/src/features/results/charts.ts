import type { GameView, Role, TurnMetrics } from "../../api/types";
import { ROLES, ROLE_NAMES } from "../../api/types";
import { ROLE_COLORS } from "../../ui/roleColors";

export interface Series {
  label: string;
  data: (number | null)[];
  /** A role's own colour (the same on every screen); other series take the palette's. */
  color?: string;
}

export interface ChartGroup {
  title: string;
  turns: number[];
  series: Series[];
  /** Fixed axis for shares and probabilities, so a change of 0.001 does not look like a collapse. */
  range?: [number, number];
}

const UNIT: [number, number] = [0, 1];

/** What a marker on the time axis shows: a ceasefire broken, a guarantee tested, an inject or event card. */
export type MarkerKind = "break" | "test" | "inject";

export interface TurnMarker {
  turn: number;
  kind: MarkerKind;
  /** What happened, for the legend's list and a screen reader. */
  text: string;
}

/** Each kind's colour, dash and symbol: the same on every chart and in the legend. */
export const MARKER_STYLE: Record<MarkerKind, { label: string; color: string; dash: number[]; symbol: string }> = {
  break: { label: "Ceasefire broken", color: "#b3261e", dash: [], symbol: "✕" },
  test: { label: "Guarantee tested", color: "#1b1b1b", dash: [6, 3], symbol: "▲" },
  inject: { label: "Inject or event card", color: "#2e7d32", dash: [2, 3], symbol: "◆" },
};

/**
 * The moments the charts mark on their time axis, from what this audience's view holds: the turn headlines' ceasefire
 * breaks and guarantee tests (the domain's words for that audience) and the injects fired, each at the turn it shaped.
 */
export function turnMarkers(view: Pick<GameView, "headlines" | "injects">): TurnMarker[] {
  const markers: TurnMarker[] = [];
  for (const h of view.headlines)
    for (const s of h.sentences) {
      if (s.topic === "CeasefireBroken") markers.push({ turn: h.turn, kind: "break", text: s.text });
      else if (s.topic === "GuaranteeTested") markers.push({ turn: h.turn, kind: "test", text: s.text });
    }
  for (const i of view.injects) markers.push({ turn: i.turn, kind: "inject", text: `${i.cardId ? "Event card" : "Inject"}: ${i.title}` });
  const order: MarkerKind[] = ["break", "test", "inject"];
  return markers.sort((a, b) => a.turn - b.turn || order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Charts over turns: credibility per guarantee and guarantor, deterrence, ceasefire hazard, territory, scores, reputation. */
export function chartGroups(metrics: readonly TurnMetrics[], numberOf: (agreementId: number) => string = (id) => `#${id}`): ChartGroup[] {
  const sorted = [...metrics].sort((a, b) => a.turn - b.turn);
  const turns = sorted.map((m) => m.turn);
  const single = (title: string, pick: (m: TurnMetrics) => number | null | undefined): ChartGroup => ({
    title,
    turns,
    series: [{ label: title, data: sorted.map((m) => pick(m) ?? null) }],
  });
  const perKey = (
    title: string,
    keys: string[],
    pick: (m: TurnMetrics, key: string) => number | null | undefined,
    name: (key: string) => string,
  ): ChartGroup => ({
    title,
    turns,
    series: keys.map((k) => ({
      label: name(k),
      data: sorted.map((m) => pick(m, k) ?? null),
      color: ROLE_COLORS[(k.split(":").pop() ?? k) as Role],
    })),
  });
  const roleName = (r: string) => ROLE_NAMES[r as Role];
  const groups: ChartGroup[] = [];
  const guarantees = [...new Set(sorted.flatMap((m) => m.credibility.map((c) => `${c.agreementId}:${c.guarantor}`)))];
  if (guarantees.length)
    groups.push({
      ...perKey(
        "Credibility per guarantee",
        guarantees,
        (m, k) => m.credibility.find((c) => `${c.agreementId}:${c.guarantor}` === k)?.credibility,
        (k) => {
          const [id, g] = k.split(":");
          return `Guarantee ${numberOf(Number(id))}, ${ROLE_NAMES[g as Role] ?? g}`;
        },
      ),
      range: UNIT,
    });
  groups.push({ ...single("Deterrence (D)", (m) => m.deterrence), range: UNIT });
  // A per-turn probability: drawn from 0 to 1, so a small hazard is not stretched to fill the chart.
  if (sorted.some((m) => m.hazard != null)) groups.push({ ...single("Ceasefire hazard", (m) => m.hazard), range: UNIT });
  groups.push({ ...single("Territory held by Ukraine (%)", (m) => m.territory), range: [0, 100] });
  const scored = ROLES.filter((r) => sorted.some((m) => m.scores[r] != null));
  if (scored.length) groups.push(perKey("Scores", scored, (m, r) => m.scores[r], roleName));
  const reputed = ROLES.filter((r) => sorted.some((m) => m.reputation[r] != null));
  if (reputed.length) groups.push({ ...perKey("Reputation", reputed, (m, r) => m.reputation[r], roleName), range: UNIT });
  return groups;
}

/** What a screen reader hears for a chart: each series' values by turn. */
export function chartSummary(series: readonly Series[]): string {
  return series.map((s) => `${s.label}: ${s.data.map((v) => (v == null ? "–" : Number(v.toFixed(3)))).join(", ")}`).join("; ");
}
