import { api, downloadSavedGame } from "../../api/rest";
import { storage } from "../../api/storage";
import type { ReplayFrame } from "../../api/types";
import { navigate } from "../../router";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { useAction } from "../../ui/useAction";
import { audienceName, replayAudiences, stepIndex, stepVersion, turnTarget } from "./replay";

interface ReplayControlsProps {
  gameId: string;
  frame: ReplayFrame;
  audience: string;
  facilitatorKey: string | undefined;
  /** The facilitator key is here, or the game's records were revealed at its end. */
  canSeePrivate: boolean;
  onVersion: (version: number) => void;
  onAudience: (audience: string) => void;
}

/** Step by phase or turn, slide through the game, pick whose eyes to see it with, fork or export. */
export function ReplayControls({ gameId, frame, audience, facilitatorKey, canSeePrivate, onVersion, onAudience }: ReplayControlsProps) {
  const fork = useAction();
  const exporting = useAction();
  const { steps, view } = frame;
  const at = stepIndex(steps, frame.version);
  const step = steps[at];
  const goStep = (i: number) => onVersion(stepVersion(steps, i));
  const previousTurn = turnTarget(steps, at, -1);
  const nextTurn = turnTarget(steps, at, 1);
  return (
    <section className="panel replay-controls" aria-label="Replay controls">
      <div className="row">
        <button onClick={() => previousTurn != null && onVersion(previousTurn)} disabled={previousTurn == null} aria-label="Previous turn">
          ⏮ Turn
        </button>
        <button onClick={() => goStep(at - 1)} disabled={at <= 0} aria-label="Previous phase">
          ◀ Phase
        </button>
        <span className="step" data-testid="replay-step" aria-live="polite">
          Step {at + 1} of {steps.length}: turn {step.turn}, {step.phase.toLowerCase()}
          {view.ended ? " (game over)" : ""}
        </span>
        <button onClick={() => goStep(at + 1)} disabled={at >= steps.length - 1} aria-label="Next phase">
          Phase ▶
        </button>
        <button onClick={() => nextTurn != null && onVersion(nextTurn)} disabled={nextTurn == null} aria-label="Next turn">
          Turn ⏭
        </button>
      </div>
      <label htmlFor="replay-slider">Position</label>
      <input id="replay-slider" type="range" min={0} max={steps.length - 1} value={at} onChange={(e) => goStep(Number(e.target.value))} />
      <fieldset className="audiences">
        <legend>See the game as</legend>
        {replayAudiences(canSeePrivate).map((a) => (
          <label key={a} className="inline">
            <input type="radio" name="audience" value={a} checked={audience === a} onChange={() => onAudience(a)} /> {audienceName(a)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button
          onClick={() =>
            void fork.run(async () => {
              const game = await api.fork(gameId, step.turn, facilitatorKey);
              storage.saveFacilitator(game);
              storage.remember({
                gameId: game.gameId,
                title: `Fork of ${view.scenario.title} at turn ${step.turn}`,
                as: "Facilitator",
                href: `#/facilitate/${game.gameId}`,
              });
              navigate(`/facilitate/${game.gameId}`);
            })
          }
          disabled={fork.busy || !canSeePrivate}
        >
          Fork a new game from turn {step.turn}
        </button>
        {facilitatorKey ? (
          <button
            className="secondary"
            onClick={() => void exporting.run(() => downloadSavedGame(gameId, facilitatorKey, view.scenario.id))}
          >
            Export saved game
          </button>
        ) : null}
      </div>
      <ActionFeedback error={fork.error ?? exporting.error} />
    </section>
  );
}
