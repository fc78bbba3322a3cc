import type { GameView } from "../../api/types";
import { PHASES } from "../../api/types";
import { formatSeconds } from "../../ui/format";
import { useNow } from "../../ui/useNow";

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
    <span
      className={`countdown ${left < 60 ? "urgent" : ""}`}
      data-testid="countdown"
      aria-label={`Time left in this phase: ${formatSeconds(left)}`}
    >
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
          <li
            key={p}
            aria-current={p === view.phase && !view.ended ? "step" : undefined}
            className={p === view.phase && !view.ended ? "current" : ""}
          >
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
