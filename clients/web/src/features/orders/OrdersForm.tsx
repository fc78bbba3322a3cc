import { useState } from "react";
import type { GameView, Orders, Role } from "../../api/types";
import { ordersClosed, permissionsOf } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { useAction } from "../../ui/useAction";
import { OrderFields } from "./OrderFields";
import { agreementNumber } from "../proposals/terms";
import { ReadyTicks } from "./ReadyTicks";
import { describeOrders, initialOrders } from "./orders";

/** The role's secret orders; shows what stands if nothing is sent before the deadline. */
export function OrdersForm({ view, role }: { view: GameView; role: Role }) {
  const own = view.orders.find((o) => o.role === role);
  const [orders, setOrders] = useState<Orders>(() => initialOrders(own, role));
  const commands = useCommands();
  const action = useAction();
  const may = permissionsOf(view);
  const closed = ordersClosed(view, may);
  const tests = view.pendingTests.filter((t) => t.guarantor === role);

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
      {view.phase === "Orders" && !view.ended ? <ReadyTicks view={view} /> : null}
      {tests.map((t) => (
        <p key={t.agreementId} className="alert" role="alert">
          Your guarantee {agreementNumber(view, t.agreementId)} was tested in turn {t.turn} ({t.attack}). Choose your response in these
          orders.
        </p>
      ))}
      {closed ? <p className="hint">{closed}</p> : null}
      <form
        aria-label="Orders"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => commands.submitOrders(orders), "Orders submitted. You can change them until the phase closes.");
        }}
      >
        <fieldset disabled={!may.submitOrders}>
          <legend>Your orders for turn {view.turn}</legend>
          <OrderFields
            orders={orders}
            role={role}
            set={setOrders}
            responseNeeded={tests.length > 0}
            maxTroopChange={may.limits.maxTroopChange}
            ratifiable={view.agreements.some((a) => a.status === "AwaitingRatification")}
            guarantees={view.agreements
              .filter(
                (a) =>
                  (a.status === "InForce" || a.status === "Tested") && a.terms.kind === "guarantee" && a.terms.guarantors.includes(role),
              )
              .map((a) => ({ id: a.id, number: a.number }))}
          />
          <button type="submit" disabled={action.busy}>
            {own?.submitted ? "Replace orders" : "Submit orders"}
          </button>
        </fieldset>
        <ActionFeedback error={action.error} done={action.done} />
      </form>
    </div>
  );
}
