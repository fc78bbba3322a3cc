import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from "chart.js";
import { useEffect, useMemo, useRef } from "react";
import type { Role, TurnMetrics } from "../api/types";
import { ROLE_NAMES, ROLES } from "../api/types";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Title, Tooltip);

const PALETTE = ["#1f5fbf", "#c0392b", "#2e8b57", "#b8860b", "#6a3d9a", "#008b8b", "#d2691e", "#444"];

interface Series {
  label: string;
  data: (number | null)[];
}

interface ChartGroup {
  title: string;
  turns: number[];
  series: Series[];
  /** Fixed axis for shares and probabilities, so a change of 0.001 does not look like a collapse. */
  range?: [number, number];
}

/** Charts over turns: credibility per guarantee and guarantor, deterrence, ceasefire hazard, territory, scores, reputation. */
export function chartGroups(metrics: TurnMetrics[]): ChartGroup[] {
  const sorted = [...metrics].sort((a, b) => a.turn - b.turn);
  const turns = sorted.map((m) => m.turn);
  const single = (title: string, pick: (m: TurnMetrics) => number | null | undefined): ChartGroup => ({ title, turns, series: [{ label: title, data: sorted.map((m) => pick(m) ?? null) }] });
  const perKey = (title: string, keys: string[], pick: (m: TurnMetrics, key: string) => number | null | undefined, name: (key: string) => string = (k) => k): ChartGroup => ({
    title,
    turns,
    series: keys.map((k) => ({ label: name(k), data: sorted.map((m) => pick(m, k) ?? null) })),
  });
  const groups: ChartGroup[] = [];
  const unit: [number, number] = [0, 1];
  const guarantees = [...new Set(sorted.flatMap((m) => m.credibility.map((c) => `${c.agreementId}:${c.guarantor}`)))];
  if (guarantees.length)
    groups.push({
      ...perKey(
        "Credibility per guarantee",
        guarantees,
        (m, k) => m.credibility.find((c) => `${c.agreementId}:${c.guarantor}` === k)?.credibility,
        (k) => {
          const [id, g] = k.split(":");
          return `Guarantee #${id}, ${ROLE_NAMES[g as Role] ?? g}`;
        },
      ),
      range: unit,
    });
  groups.push({ ...single("Deterrence (D)", (m) => m.deterrence), range: unit });
  if (sorted.some((m) => m.hazard != null)) groups.push(single("Ceasefire hazard", (m) => m.hazard));
  groups.push({ ...single("Territory held by Ukraine (%)", (m) => m.territory), range: [0, 100] });
  const scored = ROLES.filter((r) => sorted.some((m) => m.scores[r] != null));
  if (scored.length) groups.push(perKey("Scores", scored, (m, r) => m.scores[r as Role], (r) => ROLE_NAMES[r as Role]));
  const reputed = ROLES.filter((r) => sorted.some((m) => m.reputation[r] != null));
  if (reputed.length) groups.push({ ...perKey("Reputation", reputed, (m, r) => m.reputation[r as Role], (r) => ROLE_NAMES[r as Role]), range: unit });
  return groups;
}

export function LineChart({ title, turns, series, range }: ChartGroup) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: "line",
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { title: { display: false }, legend: { position: "bottom" } },
        scales: { x: { title: { display: true, text: "Turn" } } },
      },
    });
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = turns.map(String);
    c.options.scales = { x: { title: { display: true, text: "Turn" } }, y: range ? { min: range[0], max: range[1] } : {} };
    c.data.datasets = series.map((s, i) => ({ label: s.label, data: s.data, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], spanGaps: true, tension: 0.2 }));
    c.update();
  }, [turns, series, range]);
  const summary = series.map((s) => `${s.label}: ${s.data.map((v) => (v == null ? "–" : Number(v.toFixed(3)))).join(", ")}`).join("; ");
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title} by turn. ${summary}`} />
      </div>
    </figure>
  );
}

/** Live charts over turns of whatever the view's metrics hold (credibility, deterrence, hazard, territory, scores). */
export function MetricsCharts({ metrics }: { metrics: TurnMetrics[] | undefined }) {
  const groups = useMemo(() => chartGroups(metrics ?? []), [metrics]);
  if (!metrics?.length) return <p className="empty">Charts fill in as turns are resolved.</p>;
  return (
    <div className="charts" data-testid="charts">
      {groups.map((g) => (
        <LineChart key={g.title} {...g} />
      ))}
    </div>
  );
}
