import type { CeasefireTerms } from "../../api/types";
import { GUARANTORS, ROLE_NAMES } from "../../api/types";
import { Check, Field, NumberInput, OptionalNumber, Select } from "../../ui/fields";
import { TERM_HELP } from "./termHelp";
import { toggle } from "./terms";

/** Every term of a ceasefire agreement the rules know. */
export function CeasefireFields({ c, set }: { c: CeasefireTerms; set: (patch: Partial<CeasefireTerms>) => void }) {
  return (
    <div className="grid">
      <Select
        label="Line of contact"
        value={c.line}
        options={["Freeze", "WithdrawToLine"] as const}
        names={{ Freeze: "Freeze the current line", WithdrawToLine: "Withdraw to a named line" }}
        hint={TERM_HELP.line}
        onChange={(line) => set({ line, lineName: line === "Freeze" ? null : c.lineName })}
      />
      {c.line === "WithdrawToLine" ? (
        <Field label="Named line">
          {(id) => <input id={id} value={c.lineName ?? ""} onChange={(e) => set({ lineName: e.target.value })} required />}
        </Field>
      ) : null}
      <NumberInput
        label="Demilitarised zone width (km)"
        value={c.dmzWidthKm}
        min={0}
        max={100}
        hint={TERM_HELP.dmz}
        onChange={(dmzWidthKm) => set({ dmzWidthKm })}
      />
      <Select
        label="Monitoring"
        value={c.monitoring}
        options={["None", "UnarmedMonitors", "ArmedPeacekeepers"] as const}
        hint={TERM_HELP.monitoring}
        onChange={(monitoring) => set({ monitoring })}
      />
      {c.monitoring !== "None" ? (
        <Field label="Monitors from" hint={`${TERM_HELP.monitorsFrom} Comma-separated, e.g. OSCE, EU.`}>
          {(id) => (
            <input
              id={id}
              value={c.monitorsFrom.join(", ")}
              onChange={(e) =>
                set({
                  monitorsFrom: e.target.value
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean),
                })
              }
            />
          )}
        </Field>
      ) : null}
      <Select
        label="Text specificity"
        value={c.specificity}
        options={["General", "Specific"] as const}
        hint={TERM_HELP.specificity}
        onChange={(specificity) => set({ specificity })}
      />
      <Select
        label="Sanctions relief"
        value={c.sanctionsRelief}
        options={["None", "Phased", "Immediate"] as const}
        hint={TERM_HELP.sanctionsRelief}
        onChange={(sanctionsRelief) => set({ sanctionsRelief })}
      />
      <OptionalNumber
        label="Ukraine force cap (thousands of troops)"
        hint={`${TERM_HELP.forceCap} Leave empty for no cap.`}
        min={0}
        value={c.uaForceCapThousands}
        onChange={(uaForceCapThousands) => set({ uaForceCapThousands })}
      />
      <Check
        label="Joint commission"
        hint={TERM_HELP.jointCommission}
        checked={c.jointCommission}
        onChange={(jointCommission) => set({ jointCommission })}
      />
      <Check
        label="NATO non-accession pledge"
        hint={TERM_HELP.natoPledge}
        checked={c.natoNonAccessionPledge}
        onChange={(natoNonAccessionPledge) => set({ natoNonAccessionPledge })}
      />
      <Check
        label="Prisoner exchange"
        hint={TERM_HELP.prisonerExchange}
        checked={c.prisonerExchange}
        onChange={(prisonerExchange) => set({ prisonerExchange })}
      />
      <fieldset>
        <legend>Mediators (optional)</legend>
        <small className="hint">{TERM_HELP.mediators}</small>
        {GUARANTORS.map((r) => (
          <Check
            key={r}
            label={`${ROLE_NAMES[r]} mediates`}
            checked={c.mediators.includes(r)}
            onChange={(on) => set({ mediators: toggle(c.mediators, r, on) })}
          />
        ))}
      </fieldset>
    </div>
  );
}
