import type { GuarantorOrders, Orders, Role, RussiaOrders, UkraineOrders } from "../../api/types";
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
}

/** The fields of the orders of <orders>' kind. */
export function OrderFields({ orders, role, set, responseNeeded, maxTroopChange, ratifiable }: OrderFieldsProps) {
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

function GuarantorFields({
  o,
  role,
  set,
  responseNeeded,
  maxTroopChange,
  ratifiable,
}: Omit<OrderFieldsProps, "orders"> & { o: GuarantorOrders }) {
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
      {role === "US" ? (
        <Check
          label="Seek ratification of a signed treaty"
          hint={ratifiable ? ORDER_HELP.seekRatification : `${ORDER_HELP.seekRatification} No signed treaty is waiting for it now.`}
          disabled={!ratifiable && !o.seekRatification}
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
