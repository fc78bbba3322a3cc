import { useId, useState } from "react";
import type { AgreementTerms, CeasefireTerms, CommandResult, GuaranteeTerms } from "../../api/types";
import { storage } from "../../api/storage";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { OptionalNumber } from "../../ui/fields";
import { useAction } from "../../ui/useAction";
import { CeasefireFields } from "./CeasefireFields";
import { GuaranteeFields } from "./GuaranteeFields";
import { GuaranteePreviewPanel } from "./GuaranteePreviewPanel";
import { TERM_HELP } from "./termHelp";
import { defaultCeasefire, defaultGuarantee } from "./terms";

interface ProposalBuilderProps {
  /** The terms a counter-proposal starts from (its kind is then fixed). */
  initial?: AgreementTerms;
  submitLabel: string;
  onSubmit: (terms: AgreementTerms) => Promise<CommandResult>;
  onCancel?: () => void;
  /** Why proposals cannot be sent now: the form keeps its terms, its button waits. */
  closed?: string | null;
  /** Keep the half-built terms in this browser under this key, so they survive tab switches, updates and reloads. */
  draftOf?: string;
  /** The view's version: the guarantee preview is asked again when the game changes. */
  stateVersion?: number;
}

interface BuilderState {
  kind: AgreementTerms["kind"];
  ceasefire: CeasefireTerms;
  guarantee: GuaranteeTerms;
}

function startingState(initial: AgreementTerms | undefined, draftOf: string | undefined): BuilderState {
  const saved = draftOf ? storage.proposalDraft<BuilderState>(draftOf) : null;
  if (saved?.ceasefire && saved.guarantee && (saved.kind === "ceasefire" || saved.kind === "guarantee")) return saved;
  return {
    kind: initial?.kind ?? "ceasefire",
    ceasefire: initial?.kind === "ceasefire" ? initial : defaultCeasefire(),
    guarantee: initial?.kind === "guarantee" ? initial : defaultGuarantee(),
  };
}

/** Builds ceasefire or guarantee terms with every term the rules know. */
export function ProposalBuilder({ initial, submitLabel, onSubmit, onCancel, closed, draftOf, stateVersion }: ProposalBuilderProps) {
  const [state, setState] = useState(() => startingState(initial, draftOf));
  const { kind, ceasefire, guarantee } = state;
  const update = (patch: Partial<BuilderState>) => {
    const next = { ...state, ...patch };
    setState(next);
    if (draftOf) storage.saveProposalDraft(draftOf, next);
  };
  const action = useAction();
  const kindGroup = useId();
  const setKind = (k: AgreementTerms["kind"]) => update({ kind: k });
  const setC = (patch: Partial<CeasefireTerms>) => update({ ceasefire: { ...ceasefire, ...patch } });
  const setG = (patch: Partial<GuaranteeTerms>) => update({ guarantee: { ...guarantee, ...patch } });
  const terms = kind === "ceasefire" ? ceasefire : guarantee;
  const send = async () => {
    const result = await onSubmit(terms);
    // Sent: the next proposal starts from the defaults again.
    if (result.accepted && draftOf) {
      storage.forgetProposalDraft(draftOf);
      setState(startingState(initial, undefined));
    }
    return result;
  };

  return (
    <form
      className="builder"
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(send, "Proposal sent.");
      }}
    >
      {!initial ? (
        <fieldset className="kind">
          <legend>Kind of agreement</legend>
          <label className="inline">
            <input type="radio" name={kindGroup} checked={kind === "ceasefire"} onChange={() => setKind("ceasefire")} /> Ceasefire agreement
            (Ukraine and Russia)
          </label>
          <label className="inline">
            <input type="radio" name={kindGroup} checked={kind === "guarantee"} onChange={() => setKind("guarantee")} /> Security guarantee
            (US and/or Europe to Ukraine)
          </label>
        </fieldset>
      ) : null}
      {kind === "ceasefire" ? <CeasefireFields c={ceasefire} set={setC} /> : <GuaranteeFields g={guarantee} set={setG} />}
      {kind === "guarantee" ? <GuaranteePreviewPanel terms={guarantee} stateVersion={stateVersion} /> : null}
      <OptionalNumber
        label="Duration (turns in force)"
        hint={`${TERM_HELP.duration} Leave empty: in force until the game ends.`}
        min={1}
        max={40}
        value={terms.durationTurns}
        onChange={(durationTurns) => (kind === "ceasefire" ? setC({ durationTurns }) : setG({ durationTurns }))}
      />
      <div className="row">
        <button type="submit" disabled={action.busy || !!closed}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {closed ? <p className="hint">{closed}</p> : null}
      <ActionFeedback error={action.error} done={action.done} />
    </form>
  );
}
