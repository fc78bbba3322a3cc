import type { GameView } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";

/** Which teams have submitted orders this turn (never what they ordered): every view carries it as a public fact. */
export function ReadyTicks({ view }: { view: GameView }) {
  const ready = view.roles.filter((r) => r.ordersSubmitted).length;
  return (
    <div className="ready" data-testid="ready-ticks">
      <strong>
        Orders in: {ready} of {view.roles.length}
      </strong>
      <ul aria-label="Teams that have submitted orders">
        {view.roles.map((r) => (
          <li key={r.role} data-role={r.role} className={r.ordersSubmitted ? "is-ready" : "is-waiting"}>
            <span aria-hidden="true">{r.ordersSubmitted ? "✓" : "…"}</span> {ROLE_NAMES[r.role]}:{" "}
            {r.ordersSubmitted ? "submitted" : "not yet"}
          </li>
        ))}
      </ul>
    </div>
  );
}
