import type { CommitmentChangeKind, GuarantorOrders, Orders, Role, RussiaOrders, UkraineOrders } from "../../api/types";
import { Check, NumberInput, Select } from "../../ui/fields";
import { ORDER_HELP } from "./orderHelp";

type Set = (o: Orders) => void;

interface OrderFieldsProps {
  orders: Orders;
  role: Role;
  set: Set;
  /** One of this guarantor's guarantees was tested last turn: these orders answer it. */
  responseNeeded: boolean;
  maxTroopChange: number;
  /** A signed treaty waits for the Senate (a public fact), so seeking ratification means something. */
  ratifiable: boolean;
  /** This guarantor's guarantees in force, which a statement may be about: id and the number the view shows. */
  guarantees: { id: number; number: number }[];
}

/** The fields of the orders of <orders>' kind. */
export function OrderFields({ orders, role, set, responseNeeded, maxTroopChange, ratifiable, guarantees }: OrderFieldsProps) {
  switch (orders.kind) {
    case "russia":
      return <RussiaFields o={orders} set={set} />;
    case "ukraine":
      return <UkraineFields o={orders} set={set} />;
    case "guarantor":
      return (
        <GuarantorFields
          o={orders}
          role={role}
          set={set}
          responseNeeded={responseNeeded}
          maxTroopChange={maxTroopChange}
          ratifiable={ratifiable}
          guarantees={guarantees}
        />
      );
  }
}

function RussiaFields({ o, set }: { o: RussiaOrders; set: Set }) {
  return (
    <div className="grid">
      <Select
        label="Posture"
        value={o.posture}
        options={["Comply", "Probe", "LimitedOffensive", "MajorOffensive"] as const}
        names={{ Probe: "Probe (grey-zone)" }}
        hint={ORDER_HELP.russiaPosture}
        onChange={(posture) => set({ ...o, posture })}
      />
      <Check label="Rearm" hint={ORDER_HELP.rearm} checked={o.rearm} onChange={(rearm) => set({ ...o, rearm })} />
      <Check
        label="Sanctions evasion"
        hint={ORDER_HELP.sanctionsEvasion}
        checked={o.sanctionsEvasion}
        onChange={(sanctionsEvasion) => set({ ...o, sanctionsEvasion })}
      />
    </div>
  );
}

function UkraineFields({ o, set }: { o: UkraineOrders; set: Set }) {
  return (
    <div className="grid">
      <Select
        label="Posture"
        value={o.posture}
        options={["Hold", "Fortify", "CounterAttack"] as const}
        hint={ORDER_HELP.ukrainePosture}
        onChange={(posture) => set({ ...o, posture })}
      />
      <Check label="Mobilise" hint={ORDER_HELP.mobilise} checked={o.mobilise} onChange={(mobilise) => set({ ...o, mobilise })} />
    </div>
  );
}

const RESPONSE_NAMES = {
  None: "No test to answer",
  Limited: "Limited (air defence, fires)",
  SanctionsAndArms: "Sanctions and arms",
  Nothing: "Nothing",
} as const;

const STATEMENT_CHANGES: CommitmentChangeKind[] = ["Strengthen", "Weaken", "AddAmbiguity", "DropAmbiguity"];
const STATEMENT_NAMES: Record<CommitmentChangeKind, string> = {
  Strengthen: "firm it up",
  Weaken: "play it down",
  AddAmbiguity: "add an ambiguity clause",
  DropAmbiguity: "drop the ambiguity clause",
};

function GuarantorFields({
  o,
  role,
  set,
  responseNeeded,
  maxTroopChange,
  ratifiable,
  guarantees,
}: Omit<OrderFieldsProps, "orders"> & { o: GuarantorOrders }) {
  const statementValue = o.statement ? `${o.statement.agreementId}:${o.statement.change}` : "none";
  const statementOptions = ["none", ...guarantees.flatMap((g) => STATEMENT_CHANGES.map((c) => `${g.id}:${c}`))];
  const statementNames: Record<string, string> = { none: "No statement" };
  for (const g of guarantees)
    for (const c of STATEMENT_CHANGES) statementNames[`${g.id}:${c}`] = `Guarantee #${g.number}: ${STATEMENT_NAMES[c]}`;
  return (
    <div className="grid">
      <NumberInput
        label="Troop change (positive deploys, negative withdraws)"
        value={o.troopChange}
        min={-maxTroopChange}
        max={maxTroopChange}
        step={500}
        hint={ORDER_HELP.troopChange}
        onChange={(troopChange) => set({ ...o, troopChange })}
      />
      <Select
        label="Troop location"
        value={o.troopLocation}
        options={["Rear", "ContactLine"] as const}
        names={{ Rear: "Rear areas", ContactLine: "Contact line" }}
        hint={ORDER_HELP.troopLocation}
        onChange={(troopLocation) => set({ ...o, troopLocation })}
      />
      <Select
        label="Sanctions"
        value={o.sanctions}
        options={["Hold", "Up", "Down"] as const}
        names={{ Hold: "Hold", Up: "Raise", Down: "Ease" }}
        hint={ORDER_HELP.sanctions}
        onChange={(sanctions) => set({ ...o, sanctions })}
      />
      <Check
        label="Arms and intelligence"
        hint={ORDER_HELP.armsAndIntelligence}
        checked={o.armsAndIntelligence}
        onChange={(armsAndIntelligence) => set({ ...o, armsAndIntelligence })}
      />
      <Select
        label={responseNeeded ? "Response to the test of your guarantee (required)" : "Response if a guarantee was tested last turn"}
        value={o.response ?? "None"}
        options={["None", "Fight", "Limited", "SanctionsAndArms", "Nothing"] as const}
        names={RESPONSE_NAMES}
        hint={ORDER_HELP.response}
        onChange={(r) => set({ ...o, response: r === "None" ? null : r })}
      />
      {guarantees.length > 0 ? (
        <Select
          label="Statement on a guarantee"
          value={statementValue}
          options={statementOptions}
          names={statementNames}
          hint={ORDER_HELP.statement}
          onChange={(v) => {
            const [id, change] = v.split(":");
            set({ ...o, statement: v === "none" ? null : { agreementId: Number(id), change: change as CommitmentChangeKind } });
          }}
        />
      ) : null}
      {role === "US" ? (
        <Check
          label="Seek ratification of a signed treaty"
          hint={ratifiable ? ORDER_HELP.seekRatification : `${ORDER_HELP.seekRatification} No signed treaty is waiting for it now.`}
          checked={o.seekRatification}
          onChange={(seekRatification) => set({ ...o, seekRatification })}
        />
      ) : null}
      {role === "EU" ? (
        <Check
          label="Raise defence spending"
          hint={ORDER_HELP.raiseSpending}
          checked={o.raiseSpending}
          onChange={(raiseSpending) => set({ ...o, raiseSpending })}
        />
      ) : null}
    </div>
  );
}
