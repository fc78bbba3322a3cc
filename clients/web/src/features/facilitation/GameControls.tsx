import { useState } from "react";
import { downloadSavedGame } from "../../api/rest";
import type { CreatedGame, GameView } from "../../api/types";
import type { Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { NumberInput } from "../../ui/fields";
import { useAction } from "../../ui/useAction";
import { PlanControls } from "../clock/PlanControls";

/** The "+5 min" button. */
const EXTENSION_SECONDS = 300;

/** What the advance button does now, in the facilitator's words. */
export function advanceLabel(view: GameView): string {
  if (view.phase === "Orders") return "Close orders and resolve the turn";
  if (view.phase === "Debrief") return view.turn >= view.scenario.turns ? "Finish the last turn" : `Start turn ${view.turn + 1}`;
  return "Next phase";
}

/** Phase controls, deadlines, pause, end and reveal, export and replay. */
export function GameControls({ view, game, may }: { view: GameView; game: CreatedGame; may: Permissions }) {
  const commands = useCommands();
  const advance = useAction();
  const exporting = useAction();
  return (
    <section className="panel clock" aria-label="Game controls">
      <div className="control">
        <button data-testid="advance" onClick={() => void advance.run(commands.advancePhase)} disabled={advance.busy || !may.advancePhase}>
          {advanceLabel(view)}
        </button>
        <ActionFeedback error={advance.error} />
      </div>
      {/* Keyed by the phase, so "Deadline set." and "Extended by 5 minutes." do not outlive the phase they were about. */}
      <DeadlineControls key={`${view.turn}-${view.phase}`} may={may} />
      <PauseControl paused={view.paused} may={may} />
      <EndControls view={view} may={may} />
      <div className="control">
        <button
          className="secondary"
          onClick={() => void exporting.run(() => downloadSavedGame(game.gameId, game.facilitatorKey, view.scenario.id))}
          disabled={exporting.busy}
        >
          Export saved game
        </button>
        <a className="button secondary" href={`#/replay/${game.gameId}`}>
          Open replay
        </a>
        <ActionFeedback error={exporting.error} />
      </div>
      <PlanControls view={view} may={may} />
    </section>
  );
}

function DeadlineControls({ may }: { may: Permissions }) {
  const commands = useCommands();
  const deadline = useAction();
  const [minutes, setMinutes] = useState(10);
  const { deadlineMinSeconds, deadlineMaxSeconds } = may.limits;
  return (
    <div className="control deadline">
      <NumberInput
        label="Deadline (minutes from now)"
        value={minutes}
        min={Math.ceil(deadlineMinSeconds / 60)}
        max={Math.floor(deadlineMaxSeconds / 60)}
        onChange={setMinutes}
      />
      <button
        onClick={() => void deadline.run(() => commands.setDeadline(Math.round(minutes * 60)), "Deadline set.")}
        disabled={deadline.busy || !may.setDeadline}
      >
        Set deadline
      </button>
      <button
        className="secondary"
        onClick={() => void deadline.run(() => commands.extendDeadline(EXTENSION_SECONDS), "Extended by 5 minutes.")}
        disabled={deadline.busy || !may.extendDeadline}
      >
        +5 min
      </button>
      <button
        className="secondary"
        onClick={() => void deadline.run(() => commands.setDeadline(null), "Deadline cleared.")}
        disabled={deadline.busy || !may.clearDeadline}
      >
        Clear
      </button>
      <ActionFeedback error={deadline.error} done={deadline.done} />
    </div>
  );
}

function PauseControl({ paused, may }: { paused: boolean; may: Permissions }) {
  const commands = useCommands();
  const pause = useAction();
  return (
    <div className="control">
      {paused ? (
        <button onClick={() => void pause.run(commands.resumePlay)} disabled={pause.busy || !may.resumePlay}>
          Resume play
        </button>
      ) : (
        <button className="secondary" onClick={() => void pause.run(commands.pause)} disabled={pause.busy || !may.pause}>
          Pause
        </button>
      )}
      <ActionFeedback error={pause.error} />
    </div>
  );
}

/** Ending asks once more; after the end, revealing every private record opens the debrief. */
function EndControls({ view, may }: { view: GameView; may: Permissions }) {
  const commands = useCommands();
  const end = useAction();
  const [confirming, setConfirming] = useState(false);
  const [revealing, setRevealing] = useState(false);
  return (
    <div className="control">
      {may.endGame ? (
        confirming ? (
          <span role="group" aria-label="Confirm the end of the game">
            <button className="danger" onClick={() => void end.run(commands.endGame).then(() => setConfirming(false))} disabled={end.busy}>
              Yes, end the game
            </button>
            <button className="secondary" onClick={() => setConfirming(false)}>
              Keep playing
            </button>
          </span>
        ) : (
          <button className="danger" onClick={() => setConfirming(true)}>
            End game
          </button>
        )
      ) : may.revealAll ? (
        revealing ? (
          <span role="group" aria-label="Confirm revealing every private record">
            <span className="confirm-text">Every team will see every briefing, message, order and score. This cannot be undone.</span>
            <button
              className="danger"
              onClick={() => void end.run(commands.revealAll, "Every private record is revealed.").then(() => setRevealing(false))}
              disabled={end.busy}
            >
              Yes, reveal everything
            </button>
            <button className="secondary" onClick={() => setRevealing(false)}>
              Not yet
            </button>
          </span>
        ) : (
          <button onClick={() => setRevealing(true)}>Reveal all records</button>
        )
      ) : view.revealed ? (
        <span className="pill">Revealed</span>
      ) : null}
      <ActionFeedback error={end.error} done={end.done} />
    </div>
  );
}
