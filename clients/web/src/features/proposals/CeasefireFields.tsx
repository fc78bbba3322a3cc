import type { CeasefireTerms } from "../../api/types";
import { GUARANTORS, ROLE_NAMES } from "../../api/types";
import { Check, Field, NumberInput, OptionalNumber, Select } from "../../ui/fields";
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
        onChange={(dmzWidthKm) => set({ dmzWidthKm })}
      />
      <Select
        label="Monitoring"
        value={c.monitoring}
        options={["None", "UnarmedMonitors", "ArmedPeacekeepers"] as const}
        onChange={(monitoring) => set({ monitoring })}
      />
      {c.monitoring !== "None" ? (
        <Field label="Monitors from" hint="Comma-separated, e.g. OSCE, EU">
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
        onChange={(specificity) => set({ specificity })}
      />
      <Select
        label="Sanctions relief"
        value={c.sanctionsRelief}
        options={["None", "Phased", "Immediate"] as const}
        onChange={(sanctionsRelief) => set({ sanctionsRelief })}
      />
      <OptionalNumber
        label="Ukraine force cap (thousands of troops)"
        hint="Leave empty for no cap"
        min={0}
        value={c.uaForceCapThousands}
        onChange={(uaForceCapThousands) => set({ uaForceCapThousands })}
      />
      <Check label="Joint commission" checked={c.jointCommission} onChange={(jointCommission) => set({ jointCommission })} />
      <Check
        label="NATO non-accession pledge"
        checked={c.natoNonAccessionPledge}
        onChange={(natoNonAccessionPledge) => set({ natoNonAccessionPledge })}
      />
      <Check label="Prisoner exchange" checked={c.prisonerExchange} onChange={(prisonerExchange) => set({ prisonerExchange })} />
      <fieldset>
        <legend>Mediators (optional)</legend>
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
