import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartType,
  type Plugin,
} from "chart.js";
import { useEffect, useMemo, useRef } from "react";
import type { GameView } from "../../api/types";
import { agreementNumber } from "../proposals/terms";
import { chartGroups, chartSummary, MARKER_STYLE, turnMarkers, type ChartGroup, type MarkerKind, type TurnMarker } from "./charts";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Title, Tooltip);

/** Draws each marker as a vertical line at its turn, in its kind's colour and dash, with its symbol at the top. */
const markerLines: Plugin<"line", { markers: readonly TurnMarker[] }> = {
  id: "turnMarkers",
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    const labels = (chart.data.labels ?? []) as string[];
    const atTurn = new Map<string, MarkerKind[]>();
    for (const m of options.markers ?? []) {
      const kinds = atTurn.get(String(m.turn)) ?? [];
      if (!kinds.includes(m.kind)) kinds.push(m.kind);
      atTurn.set(String(m.turn), kinds);
    }
    ctx.save();
    for (const [turn, kinds] of atTurn) {
      const index = labels.indexOf(turn);
      if (index < 0) continue;
      const x = scales.x.getPixelForValue(index);
      kinds.forEach((kind, k) => {
        const style = MARKER_STYLE[kind];
        ctx.strokeStyle = style.color;
        ctx.fillStyle = style.color;
        ctx.lineWidth = 1.5;
        ctx.setLineDash(style.dash);
        // Several kinds in one turn sit side by side, so none hides another.
        const dx = (k - (kinds.length - 1) / 2) * 5;
        ctx.beginPath();
        ctx.moveTo(x + dx, chartArea.top);
        ctx.lineTo(x + dx, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = "12px sans-serif";
        ctx.textAlign = "center";
        ctx.fillText(style.symbol, x + dx * 2.4, chartArea.top + 11 + k * 12);
      });
    }
    ctx.restore();
  },
};

declare module "chart.js" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface's own type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    turnMarkers?: { markers: readonly TurnMarker[] };
  }
}

const PALETTE = ["#1f5fbf", "#c0392b", "#2e8b57", "#b8860b", "#6a3d9a", "#008b8b", "#d2691e", "#444"];

export function LineChart({ title, turns, series, range, markers = [] }: ChartGroup & { markers?: readonly TurnMarker[] }) {
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
        plugins: { title: { display: false }, legend: { position: "bottom" }, turnMarkers: { markers: [] } },
        scales: { x: { title: { display: true, text: "Turn" } } },
      },
      plugins: [markerLines],
    });
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = turns.map(String);
    if (c.options.plugins) c.options.plugins.turnMarkers = { markers };
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
  }, [turns, series, range, markers]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title} by turn. ${chartSummary(series)}`} />
      </div>
    </figure>
  );
}

/**
 * Live charts over turns of whatever the view's metrics hold (credibility, deterrence, hazard, territory, scores),
 * with the turns of ceasefire breaks, guarantee tests and injects marked on every time axis and listed in a legend.
 */
export function MetricsCharts({ view }: { view: Pick<GameView, "metrics" | "headlines" | "injects" | "agreements"> }) {
  const { metrics, headlines, injects, agreements } = view;
  const groups = useMemo(
    () => chartGroups(metrics, (id) => agreementNumber({ agreements }, id) || "(no longer listed)"),
    [metrics, agreements],
  );
  const markers = useMemo(() => turnMarkers({ headlines, injects }), [headlines, injects]);
  if (!metrics.length) return <p className="empty">Charts fill in as turns are resolved.</p>;
  return (
    <div className="charts-with-markers">
      <MarkerLegend markers={markers} />
      <div className="charts" data-testid="charts">
        {groups.map((g) => (
          <LineChart key={g.title} {...g} markers={markers} />
        ))}
      </div>
    </div>
  );
}

/** The markers' key (each kind's line and symbol) and, for every marked turn, what happened. */
function MarkerLegend({ markers }: { markers: readonly TurnMarker[] }) {
  const kinds = Object.keys(MARKER_STYLE) as MarkerKind[];
  return (
    <div className="chart-markers" data-testid="chart-markers">
      <ul className="marker-key" aria-label="Markers on the time axis">
        {kinds.map((k) => (
          <li key={k} data-marker-kind={k}>
            <span
              className="marker-swatch"
              style={{
                borderLeft: `2px ${MARKER_STYLE[k].dash.length ? "dashed" : "solid"} ${MARKER_STYLE[k].color}`,
                color: MARKER_STYLE[k].color,
              }}
            >
              {MARKER_STYLE[k].symbol}
            </span>{" "}
            {MARKER_STYLE[k].label}
          </li>
        ))}
      </ul>
      {markers.length ? (
        <ol className="marker-list" aria-label="Marked turns">
          {markers.map((m, i) => (
            <li key={i} data-marker={m.kind} data-turn={m.turn}>
              <span style={{ color: MARKER_STYLE[m.kind].color }}>{MARKER_STYLE[m.kind].symbol}</span> Turn {m.turn}: {m.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">No ceasefire break, guarantee test or inject yet.</p>
      )}
    </div>
  );
}
