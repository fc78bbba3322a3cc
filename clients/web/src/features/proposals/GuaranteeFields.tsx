import type { GuaranteeTerms, Role, Tripwire } from "../../api/types";
import { GUARANTORS, ROLE_NAMES } from "../../api/types";
import { Check, NumberInput, Select } from "../../ui/fields";
import { TERM_HELP } from "./termHelp";
import { LEGAL_FORM_NAMES, toggle } from "./terms";

const LOCATION_NAMES = { Rear: "Rear areas", ContactLine: "Contact line" } as const;

/** Every term of a security guarantee the rules know, with a tripwire per guarantor. */
export function GuaranteeFields({ g, set }: { g: GuaranteeTerms; set: (patch: Partial<GuaranteeTerms>) => void }) {
  const tripwire = (r: Role): Tripwire | undefined => g.tripwires.find((t) => t.guarantor === r);
  const setTripwire = (r: Role, t: Tripwire | null) =>
    set({ tripwires: [...g.tripwires.filter((x) => x.guarantor !== r), ...(t ? [t] : [])] });
  return (
    <div className="grid">
      <fieldset>
        <legend>Guarantors</legend>
        <small className="hint">{TERM_HELP.guarantors}</small>
        {GUARANTORS.map((r) => (
          <Check
            key={r}
            label={`${ROLE_NAMES[r]} guarantees`}
            checked={g.guarantors.includes(r)}
            onChange={(on) =>
              set({ guarantors: toggle(g.guarantors, r, on), tripwires: on ? g.tripwires : g.tripwires.filter((t) => t.guarantor !== r) })
            }
          />
        ))}
      </fieldset>
      <Select
        label="Legal form"
        value={g.legalForm}
        options={["Verbal", "ExecutiveAgreement", "CongressionalExecutive", "RatifiedTreaty"] as const}
        names={LEGAL_FORM_NAMES}
        hint={TERM_HELP.legalForm}
        onChange={(legalForm) => set({ legalForm })}
      />
      <Select
        label="Trigger"
        value={g.trigger}
        options={["Consultative", "Automatic"] as const}
        names={{ Consultative: "Consultative", Automatic: "Automatic (Article-5-like)" }}
        hint={TERM_HELP.trigger}
        onChange={(trigger) => set({ trigger })}
      />
      <Select
        label="Economic stake"
        value={g.economicStake}
        options={["None", "MineralsDeal", "MineralsWithPersonnel"] as const}
        names={{
          None: "None",
          MineralsDeal: "Critical-minerals deal",
          MineralsWithPersonnel: "Minerals deal with personnel and assets on site",
        }}
        hint={TERM_HELP.economicStake}
        onChange={(economicStake) => set({ economicStake })}
      />
      <Check label="Public (announced to every team)" hint={TERM_HELP.public} checked={g.public} onChange={(on) => set({ public: on })} />
      <Check
        label="Strategic-ambiguity clause"
        hint={TERM_HELP.ambiguity}
        checked={g.ambiguityClause}
        onChange={(ambiguityClause) => set({ ambiguityClause })}
      />
      <Check
        label="Arms and intelligence support"
        hint={TERM_HELP.armsAndIntelligence}
        checked={g.armsAndIntelligence}
        onChange={(armsAndIntelligence) => set({ armsAndIntelligence })}
      />
      <Check
        label="Russian consent sought"
        hint={TERM_HELP.russianConsent}
        checked={g.russianConsentSought}
        onChange={(russianConsentSought) => set({ russianConsentSought })}
      />
      {g.guarantors.map((r) => {
        const t = tripwire(r);
        return (
          <fieldset key={r}>
            <legend>Tripwire: {ROLE_NAMES[r]}</legend>
            <small className="hint">{TERM_HELP.tripwires}</small>
            <NumberInput
              label={`${ROLE_NAMES[r]} troops`}
              value={t?.troops ?? 0}
              min={0}
              step={500}
              onChange={(troops) => setTripwire(r, troops > 0 ? { guarantor: r, troops, location: t?.location ?? "Rear" } : null)}
            />
            <Select
              label={`${ROLE_NAMES[r]} troop location`}
              value={t?.location ?? "Rear"}
              options={["Rear", "ContactLine"] as const}
              names={LOCATION_NAMES}
              onChange={(location) => setTripwire(r, { guarantor: r, troops: t?.troops ?? 0, location })}
            />
          </fieldset>
        );
      })}
    </div>
  );
}
