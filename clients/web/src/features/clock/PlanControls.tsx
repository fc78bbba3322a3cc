import { useState } from "react";
import type { DeadlinePresets, GameView, Phase } from "../../api/types";
import { PHASES } from "../../api/types";
import type { Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { OptionalNumber } from "../../ui/fields";
import { formatSeconds } from "../../ui/format";
import { useAction } from "../../ui/useAction";
import { presetOf, withPreset } from "./plan";

/** A 90-minute seminar's usual rhythm, offered when no plan is set yet. */
const SUGGESTED: DeadlinePresets = { briefing: null, negotiation: 15 * 60, orders: 5 * 60, debrief: null };

/**
 * The session plan: minutes per phase, started by the rules whenever that phase opens, so the facilitator sets the
 * rhythm once instead of a deadline at every phase. Empty means no deadline for that phase.
 */
export function PlanControls({ view, may }: { view: GameView; may: Permissions }) {
  const commands = useCommands();
  const action = useAction();
  const current = view.deadlinePresets;
  const unset = PHASES.every((p) => presetOf(current, p) == null);
  const [draft, setDraft] = useState<DeadlinePresets>(unset ? SUGGESTED : current);
  const { deadlineMinSeconds, deadlineMaxSeconds } = may.limits;
  const minutes = (p: Phase) => {
    const s = presetOf(draft, p);
    return s == null ? null : Math.round((s / 60) * 100) / 100;
  };
  return (
    <form
      className="control plan"
      aria-label="Session plan"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => commands.setDeadlinePresets(draft), "Plan saved: each phase gets its deadline when it opens.");
      }}
    >
      <fieldset disabled={!may.setDeadlinePresets}>
        <legend>Session plan (minutes per phase; empty: no deadline)</legend>
        <div className="row">
          {PHASES.map((p) => (
            <OptionalNumber
              key={p}
              label={p}
              value={minutes(p)}
              min={deadlineMinSeconds / 60}
              max={deadlineMaxSeconds / 60}
              step="any"
              onChange={(v) => setDraft((d) => withPreset(d, p, v == null ? null : Math.round(v * 60)))}
            />
          ))}
          <button type="submit" disabled={action.busy}>
            Apply plan
          </button>
        </div>
        <small className="hint" data-testid="plan-in-force">
          {unset
            ? "No plan yet: deadlines are set by hand. A plan starts each phase's clock when the phase opens, from the next phase on."
            : `In force: ${PHASES.map((p) => `${p.toLowerCase()} ${describe(presetOf(current, p))}`).join(", ")}.`}
        </small>
      </fieldset>
      <ActionFeedback error={action.error} done={action.done} />
    </form>
  );
}

function describe(seconds: number | null) {
  if (seconds == null) return "none";
  return seconds % 60 === 0 ? `${seconds / 60} min` : formatSeconds(seconds);
}
