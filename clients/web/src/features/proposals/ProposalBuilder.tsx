import { useId, useState } from "react";
import type { AgreementTerms, CeasefireTerms, CommandResult, GuaranteeTerms } from "../../api/types";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { OptionalNumber } from "../../ui/fields";
import { useAction } from "../../ui/useAction";
import { CeasefireFields } from "./CeasefireFields";
import { GuaranteeFields } from "./GuaranteeFields";
import { defaultCeasefire, defaultGuarantee } from "./terms";

interface ProposalBuilderProps {
  /** The terms a counter-proposal starts from (its kind is then fixed). */
  initial?: AgreementTerms;
  submitLabel: string;
  onSubmit: (terms: AgreementTerms) => Promise<CommandResult>;
  onCancel?: () => void;
  /** Why proposals cannot be sent now: the form keeps its terms, its button waits. */
  closed?: string | null;
}

/** Builds ceasefire or guarantee terms with every term the rules know. */
export function ProposalBuilder({ initial, submitLabel, onSubmit, onCancel, closed }: ProposalBuilderProps) {
  const [kind, setKind] = useState<AgreementTerms["kind"]>(initial?.kind ?? "ceasefire");
  const [ceasefire, setCeasefire] = useState<CeasefireTerms>(initial?.kind === "ceasefire" ? initial : defaultCeasefire());
  const [guarantee, setGuarantee] = useState<GuaranteeTerms>(initial?.kind === "guarantee" ? initial : defaultGuarantee());
  const action = useAction();
  const kindGroup = useId();
  const setC = (patch: Partial<CeasefireTerms>) => setCeasefire({ ...ceasefire, ...patch });
  const setG = (patch: Partial<GuaranteeTerms>) => setGuarantee({ ...guarantee, ...patch });
  const terms = kind === "ceasefire" ? ceasefire : guarantee;

  return (
    <form
      className="builder"
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => onSubmit(terms), "Proposal sent.");
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
      <OptionalNumber
        label="Duration (turns in force)"
        hint="Leave empty: in force until the game ends"
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
