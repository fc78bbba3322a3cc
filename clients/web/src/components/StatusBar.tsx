import type { ConnectionStatus } from "../api/hub";
import type { GameView } from "../api/types";
import { PHASES } from "../api/types";
import { useNow } from "./ui";

/** Shown while the connection is down; it recovers by itself, so the user only needs to wait. */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  if (status === "connected" || status === "failed") return null;
  return (
    <div className="banner" role="status" aria-live="polite" data-testid="connection-banner">
      {status === "connecting" ? "Connecting to the game…" : "Connection lost. Reconnecting… your seat and your drafts are kept."}
    </div>
  );
}

export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.floor(total));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m % 60)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function Countdown({ view }: { view: GameView }) {
  const now = useNow();
  if (view.paused)
    return (
      <span className="countdown paused" data-testid="countdown">
        Paused{view.pausedRemainingSeconds != null ? ` (${formatSeconds(view.pausedRemainingSeconds)} left)` : ""}
      </span>
    );
  if (!view.deadline) return <span className="countdown none">No deadline</span>;
  const left = (new Date(view.deadline).getTime() - now) / 1000;
  return (
    <span className={`countdown ${left < 60 ? "urgent" : ""}`} data-testid="countdown" aria-label={`Time left in this phase: ${formatSeconds(left)}`}>
      {left > 0 ? `${formatSeconds(left)} left` : "Deadline passed"}
    </span>
  );
}

/** Turn, the five phases with the current one marked, and the deadline. */
export function PhaseBar({ view }: { view: GameView }) {
  return (
    <div className="phasebar" aria-label="Game clock">
      <span className="turn" data-testid="turn">
        Turn {view.turn} of {view.scenario.turns}
      </span>
      <ol className="phases" aria-label="Phases">
        {PHASES.map((p) => (
          <li key={p} aria-current={p === view.phase && !view.ended ? "step" : undefined} className={p === view.phase && !view.ended ? "current" : ""}>
            {p}
          </li>
        ))}
      </ol>
      <span data-testid="phase" className="phase-name">
        {view.ended ? "Game over" : view.phase}
      </span>
      {!view.ended ? <Countdown view={view} /> : null}
    </div>
  );
}
