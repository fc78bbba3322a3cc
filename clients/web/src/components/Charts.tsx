import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from "chart.js";
import { useEffect, useMemo, useRef } from "react";
import type { TurnMetrics } from "../api/types";
import { humanize } from "./ui";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Title, Tooltip);

const PALETTE = ["#1f5fbf", "#c0392b", "#2e8b57", "#b8860b", "#6a3d9a", "#008b8b", "#d2691e", "#444"];

interface Series {
  label: string;
  data: (number | null)[];
}

/** Groups a list of per-turn metrics into charts: a number is one series, an object one series per key. */
export function chartGroups(metrics: TurnMetrics[]): { title: string; turns: number[]; series: Series[] }[] {
  const turns = [...new Set(metrics.map((m) => m.turn))].sort((a, b) => a - b);
  const at = (turn: number) => metrics.filter((m) => m.turn === turn).at(-1);
  const names = new Set<string>();
  for (const m of metrics) for (const k of Object.keys(m)) if (k !== "turn") names.add(k);
  const groups = [];
  for (const name of names) {
    const sample = metrics.find((m) => m[name] !== undefined && m[name] !== null)?.[name];
    if (typeof sample === "number") {
      groups.push({ title: humanize(name), turns, series: [{ label: humanize(name), data: turns.map((t) => numberOr(at(t)?.[name])) }] });
    } else if (sample && typeof sample === "object") {
      const keys = new Set<string>();
      for (const m of metrics) if (m[name] && typeof m[name] === "object") for (const k of Object.keys(m[name] as object)) keys.add(k);
      groups.push({
        title: humanize(name),
        turns,
        series: [...keys].map((k) => ({ label: k, data: turns.map((t) => numberOr((at(t)?.[name] as Record<string, number> | undefined)?.[k])) })),
      });
    }
  }
  return groups;
}

function numberOr(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function LineChart({ title, turns, series }: { title: string; turns: number[]; series: Series[] }) {
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
    c.data.datasets = series.map((s, i) => ({ label: s.label, data: s.data, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], spanGaps: true, tension: 0.2 }));
    c.update();
  }, [turns, series]);
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
  if (groups.length === 0) return <p className="empty">Charts fill in as turns are resolved.</p>;
  return (
    <div className="charts" data-testid="charts">
      {groups.map((g) => (
        <LineChart key={g.title} {...g} />
      ))}
    </div>
  );
}
