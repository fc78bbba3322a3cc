import type { GameView, OrdersView } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { RecordTable } from "../../ui/RecordTable";
import { Section } from "../../ui/Section";
import { describeOrders } from "./orders";
import { ReadyTicks } from "./ReadyTicks";

/** The facilitator's table of every role's orders this turn. */
export function OrdersOverview({ view }: { view: GameView }) {
  return (
    <Section title={`Orders, turn ${view.turn}`}>
      <ReadyTicks view={view} />
      <RecordTable<OrdersView>
        className="orders-table"
        rows={view.orders}
        rowKey={(o) => o.role}
        columns={[
          { header: "Role", cell: (o) => ROLE_NAMES[o.role] },
          {
            header: "Submitted this turn",
            cell: (o) => (o.submitted ? describeOrders(o.submitted) : <span className="empty">not yet</span>),
          },
          { header: "Standing orders", cell: (o) => (o.standing ? describeOrders(o.standing) : <span className="empty">none</span>) },
        ]}
      />
    </Section>
  );
}
