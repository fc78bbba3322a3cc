import type { ReactNode } from "react";
import type { SeatView } from "../../api/types";
import { ROLES, ROLE_NAMES } from "../../api/types";

/** Seats grouped as the table sits: each role, the facilitator, the observers. */
export function seatGroups(seats: readonly SeatView[]): [string, SeatView[]][] {
  return [
    ...ROLES.map((r): [string, SeatView[]] => [ROLE_NAMES[r], seats.filter((s) => s.audience.kind === "Role" && s.audience.role === r)]),
    ["Facilitator", seats.filter((s) => s.audience.kind === "Facilitator")],
    ["Observers", seats.filter((s) => s.audience.kind === "Public")],
  ];
}

/** The lobby: every seat per role, who is connected, and bots on empty seats. */
export function SeatsTable({ seats, actions }: { seats: SeatView[]; actions?: (seat: SeatView) => ReactNode }) {
  return (
    <table className="seats" data-testid="seats">
      <caption className="sr-only">Seats</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Seats</th>
        </tr>
      </thead>
      <tbody>
        {seatGroups(seats).map(([name, list]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>
              {list.length === 0 ? <span className="empty">empty</span> : null}
              <ul className="seat-list">
                {list.map((s) => (
                  <li key={s.seatId} data-seat={s.seatId}>
                    <span className={`dot ${s.connected ? "on" : "off"}`} aria-hidden="true" />
                    {s.displayName || "(unnamed)"} {s.bot ? <span className="pill">bot</span> : null}
                    <span className="sr-only">{s.connected ? " connected" : " disconnected"}</span>
                    <small className="conn">{s.connected ? "connected" : "offline"}</small>
                    {actions?.(s)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
