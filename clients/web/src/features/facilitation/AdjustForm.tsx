import { useState } from "react";
import type { GameView } from "../../api/types";
import type { Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { Field } from "../../ui/fields";
import { signed } from "../../ui/format";
import { Section } from "../../ui/Section";
import { useAction } from "../../ui/useAction";

/** Semi-rigid adjudication: shift one outcome by at most the rules' range in logits, with a reason that goes into the log. */
export function AdjustForm({ view, may }: { view: GameView; may: Permissions }) {
  const records = view.records.filter(may.adjust);
  const [recordId, setRecordId] = useState("");
  const [logit, setLogit] = useState(0.25);
  const [reason, setReason] = useState("");
  const commands = useCommands();
  const action = useAction();
  const chosen = recordId || records.at(-1)?.id || "";
  const range = may.limits.adjustmentMaxLogit;
  return (
    <Section title="Adjust an adjudication">
      {records.length === 0 ? (
        <p className="empty">Nothing to adjust: the last resolved turn's rolls appear here during its debrief.</p>
      ) : null}
      <form
        aria-label="Adjust an adjudication"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const r = await commands.adjustAdjudication({ recordId: chosen, logit, reason });
            if (r.accepted) setReason("");
            return r;
          }, "Adjustment recorded with its reason.");
        }}
      >
        <Field label="Outcome">
          {(id) => (
            <select id={id} value={chosen} onChange={(e) => setRecordId(e.target.value)} disabled={records.length === 0}>
              {records.map((r) => (
                <option key={r.id} value={r.id}>
                  Turn {r.turn}: {r.title} — {r.subject} (roll {r.roll} vs {r.thresholdBp})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Shift (logit, −${range} to +${range}): ${signed(logit, (v) => v.toFixed(2))}`}>
          {(id) => (
            <input
              id={id}
              type="range"
              min={-range}
              max={range}
              step={0.05}
              value={logit}
              onChange={(e) => setLogit(Number(e.target.value))}
            />
          )}
        </Field>
        <Field label="Reason (recorded in the log)">
          {(id) => (
            <textarea
              id={id}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={may.limits.reasonMaxLength}
              required
            />
          )}
        </Field>
        <button type="submit" disabled={action.busy || !chosen}>
          Adjust
        </button>
        <ActionFeedback error={action.error} done={action.done} />
      </form>
    </Section>
  );
}
