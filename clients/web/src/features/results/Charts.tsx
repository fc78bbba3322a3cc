import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from "chart.js";
import { useEffect, useMemo, useRef } from "react";
import type { TurnMetrics } from "../../api/types";
import { chartGroups, chartSummary, type ChartGroup } from "./charts";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Title, Tooltip);

const PALETTE = ["#1f5fbf", "#c0392b", "#2e8b57", "#b8860b", "#6a3d9a", "#008b8b", "#d2691e", "#444"];

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
    c.data.datasets = series.map((s, i) => ({
      label: s.label,
      data: s.data,
      borderColor: s.color ?? PALETTE[i % PALETTE.length],
      backgroundColor: s.color ?? PALETTE[i % PALETTE.length],
      spanGaps: true,
      tension: 0.2,
    }));
    c.update();
  }, [turns, series, range]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title} by turn. ${chartSummary(series)}`} />
      </div>
    </figure>
  );
}

/** Live charts over turns of whatever the view's metrics hold (credibility, deterrence, hazard, territory, scores). */
export function MetricsCharts({ metrics }: { metrics: TurnMetrics[] }) {
  const groups = useMemo(() => chartGroups(metrics), [metrics]);
  if (!metrics.length) return <p className="empty">Charts fill in as turns are resolved.</p>;
  return (
    <div className="charts" data-testid="charts">
      {groups.map((g) => (
        <LineChart key={g.title} {...g} />
      ))}
    </div>
  );
}
