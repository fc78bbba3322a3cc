import { useState } from "react";
import type { CommandResult, GameView, GuarantorOrders, Orders, Role, RussiaOrders, UkraineOrders } from "../api/types";
import { ActionFeedback, Check, NumberInput, Select, humanize, useAction } from "./ui";

function defaultOrders(role: Role): Orders {
  switch (role) {
    case "RU":
      return { kind: "russia", posture: "Comply", rearm: false, sanctionsEvasion: false };
    case "UA":
      return { kind: "ukraine", posture: "Hold", mobilise: false };
    default:
      return { kind: "guarantor", troopChange: 0, troopLocation: "Rear", armsAndIntelligence: false, sanctions: "Hold", response: null, seekRatification: false, raiseSpending: false };
  }
}

export function describeOrders(o: Orders): string {
  switch (o.kind) {
    case "russia":
      return [humanize(o.posture), o.rearm && "rearm", o.sanctionsEvasion && "evade sanctions"].filter(Boolean).join(", ");
    case "ukraine":
      return [humanize(o.posture), o.mobilise && "mobilise"].filter(Boolean).join(", ");
    case "guarantor":
      return [
        o.troopChange > 0 ? `deploy ${o.troopChange.toLocaleString("en")} troops (${o.troopLocation === "Rear" ? "rear" : "contact line"})` : o.troopChange < 0 ? `withdraw ${(-o.troopChange).toLocaleString("en")} troops` : "no troop change",
        o.armsAndIntelligence && "arms and intelligence",
        o.sanctions !== "Hold" && `sanctions ${o.sanctions.toLowerCase()}`,
        o.response && `response to test: ${humanize(o.response)}`,
        o.seekRatification && "seek ratification",
        o.raiseSpending && "raise spending",
      ]
        .filter(Boolean)
        .join(", ");
  }
}

/** The role's secret orders; shows what stands if nothing is sent before the deadline. */
export function OrdersForm({ view, role, send }: { view: GameView; role: Role; send: (method: string, ...args: unknown[]) => Promise<CommandResult> }) {
  const own = view.orders.find((o) => o.role === role);
  const [orders, setOrders] = useState<Orders>(() => own?.submitted ?? own?.standing ?? defaultOrders(role));
  const action = useAction();
  const inPhase = view.phase === "Orders" && !view.ended;
  const tests = (view.pendingTests ?? []).filter((t) => t.guarantor === role);
  const responseNeeded = tests.length > 0;

  return (
    <div className="orders">
      <p className="standing" data-testid="standing-orders">
        <strong>Standing orders:</strong> {own?.standing ? describeOrders(own.standing) : "none yet (first turn)"}
        <br />
        <small>If you send nothing before the orders deadline, your standing orders are used.</small>
      </p>
      {own?.submitted ? (
        <p className="submitted" data-testid="submitted-orders" role="status">
          <strong>Submitted this turn:</strong> {describeOrders(own.submitted)}
        </p>
      ) : null}
      {tests.map((t) => (
        <p key={t.agreementId} className="alert" role="alert">
          Your guarantee #{t.agreementId} was tested in turn {t.turn} ({t.attack}). Choose your response in these orders.
        </p>
      ))}
      {!inPhase ? <p className="hint">Orders open in the orders phase{view.ended ? "" : `; it is now the ${view.phase.toLowerCase()} phase`}.</p> : null}
      <form
        aria-label="Orders"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => send("SubmitOrders", orders), "Orders submitted. You can change them until the phase closes.");
        }}
      >
        <fieldset disabled={!inPhase}>
          <legend>Your orders for turn {view.turn}</legend>
          {orders.kind === "russia" ? <RussiaFields o={orders} set={setOrders} /> : null}
          {orders.kind === "ukraine" ? <UkraineFields o={orders} set={setOrders} /> : null}
          {orders.kind === "guarantor" ? <GuarantorFields o={orders} role={role} set={setOrders} responseNeeded={responseNeeded} /> : null}
          <button type="submit" disabled={action.busy}>
            {own?.submitted ? "Replace orders" : "Submit orders"}
          </button>
        </fieldset>
        <ActionFeedback error={action.error} done={action.done} />
      </form>
    </div>
  );
}

function RussiaFields({ o, set }: { o: RussiaOrders; set: (o: Orders) => void }) {
  return (
    <div className="grid">
      <Select label="Posture" value={o.posture} options={["Comply", "Probe", "LimitedOffensive", "MajorOffensive"] as const} names={{ Probe: "Probe (grey-zone)" }} onChange={(posture) => set({ ...o, posture })} />
      <Check label="Rearm" checked={o.rearm} onChange={(rearm) => set({ ...o, rearm })} />
      <Check label="Sanctions evasion" checked={o.sanctionsEvasion} onChange={(sanctionsEvasion) => set({ ...o, sanctionsEvasion })} />
    </div>
  );
}

function UkraineFields({ o, set }: { o: UkraineOrders; set: (o: Orders) => void }) {
  return (
    <div className="grid">
      <Select label="Posture" value={o.posture} options={["Hold", "Fortify", "CounterAttack"] as const} onChange={(posture) => set({ ...o, posture })} />
      <Check label="Mobilise" checked={o.mobilise} onChange={(mobilise) => set({ ...o, mobilise })} />
    </div>
  );
}

function GuarantorFields({ o, role, set, responseNeeded }: { o: GuarantorOrders; role: Role; set: (o: Orders) => void; responseNeeded: boolean }) {
  return (
    <div className="grid">
      <NumberInput label="Troop change (positive deploys, negative withdraws)" value={o.troopChange} step={500} onChange={(troopChange) => set({ ...o, troopChange })} />
      <Select label="Troop location" value={o.troopLocation} options={["Rear", "ContactLine"] as const} names={{ Rear: "Rear areas", ContactLine: "Contact line" }} onChange={(troopLocation) => set({ ...o, troopLocation })} />
      <Select label="Sanctions" value={o.sanctions} options={["Hold", "Up", "Down"] as const} names={{ Hold: "Hold", Up: "Raise", Down: "Ease" }} onChange={(sanctions) => set({ ...o, sanctions })} />
      <Check label="Arms and intelligence" checked={o.armsAndIntelligence} onChange={(armsAndIntelligence) => set({ ...o, armsAndIntelligence })} />
      <Select
        label={responseNeeded ? "Response to the test of your guarantee (required)" : "Response if a guarantee was tested last turn"}
        value={o.response ?? "None"}
        options={["None", "Fight", "Limited", "SanctionsAndArms", "Nothing"] as const}
        names={{ None: "No test to answer", Limited: "Limited (air defence, fires)", SanctionsAndArms: "Sanctions and arms", Nothing: "Nothing" }}
        onChange={(r) => set({ ...o, response: r === "None" ? null : r })}
      />
      {role === "US" ? <Check label="Seek ratification of a signed treaty" checked={o.seekRatification} onChange={(seekRatification) => set({ ...o, seekRatification })} /> : null}
      {role === "EU" ? <Check label="Raise defence spending" checked={o.raiseSpending} onChange={(raiseSpending) => set({ ...o, raiseSpending })} /> : null}
    </div>
  );
}
