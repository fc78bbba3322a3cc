import type { GameView, PrivateRecord, SeatView } from "../api/types";
import { ROLE_NAMES } from "../api/types";
import { AgreementsList } from "./Proposals";
import { humanize } from "./ui";

const SHOWN = new Set(["role", "briefing", "intelligence"]);

/** A role's private briefing and intelligence. Only ever rendered from the view this audience received. */
export function PrivateBriefing({ record, heading }: { record: PrivateRecord; heading?: string }) {
  const intelligence = record.intelligence;
  const items = Array.isArray(intelligence) ? intelligence : intelligence ? [intelligence] : [];
  const extras = Object.entries(record).filter(([k, v]) => !SHOWN.has(k) && v !== null && v !== undefined && v !== "");
  return (
    <article className="private" data-testid={`private-${record.role}`} aria-label={heading ?? `Private briefing of ${ROLE_NAMES[record.role]}`}>
      <h3>{heading ?? `${ROLE_NAMES[record.role]}: private briefing`}</h3>
      <p className="briefing">{record.briefing}</p>
      {items.length ? (
        <>
          <h4>Intelligence</h4>
          <ul>
            {items.map((i, n) => (
              <li key={n}>{typeof i === "string" ? i : JSON.stringify(i)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {extras.length ? (
        <dl className="extras">
          {extras.map(([k, v]) => (
            <div key={k}>
              <dt>{humanize(k)}</dt>
              <dd>{typeof v === "object" ? JSON.stringify(v) : String(v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </article>
  );
}

/** What everyone knows: the scenario, each role's public briefing, agreements in force, injects and public statements. */
export function PublicRecord({ view }: { view: GameView }) {
  const statements = view.messages.filter((m) => m.to.length === 0);
  return (
    <div className="public-record" data-testid="public-record">
      <p className="scenario-summary">
        <strong>{view.scenario.title}.</strong> {view.scenario.summary}
      </p>
      <h3>Agreements</h3>
      <AgreementsList agreements={view.agreements ?? []} />
      {view.injects?.length ? (
        <>
          <h3>Events</h3>
          <ul className="injects">
            {view.injects.map((i, n) => (
              <li key={n}>
                <strong>Turn {i.turn}: {i.title}</strong> {i.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Roles</h3>
      <div className="role-cards">
        {view.roles.map((r) => (
          <article key={r.role} className="role-card" aria-label={r.name}>
            <h4>
              {r.name} {r.ordersSubmitted ? <span className="pill">orders in</span> : null}
            </h4>
            <p>{r.publicBriefing}</p>
          </article>
        ))}
      </div>
      <h3>Public statements</h3>
      {statements.length === 0 ? <p className="empty">None yet.</p> : null}
      <ol className="messages">
        {statements.map((m) => (
          <li key={m.id}>
            <span className="who">{m.from ? ROLE_NAMES[m.from] : "Facilitator"}</span> <span className="when">turn {m.turn}</span>
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The lobby: every seat per role, who is connected, and bots on empty seats. */
export function SeatsTable({ seats, actions }: { seats: SeatView[]; actions?: (seat: SeatView) => React.ReactNode }) {
  const groups: [string, SeatView[]][] = [
    ...(["UA", "RU", "US", "EU"] as const).map((r) => [ROLE_NAMES[r], seats.filter((s) => s.audience.kind === "Role" && s.audience.role === r)] as [string, SeatView[]]),
    ["Facilitator", seats.filter((s) => s.audience.kind === "Facilitator")],
    ["Observers", seats.filter((s) => s.audience.kind === "Public")],
  ];
  return (
    <table className="seats" data-testid="seats">
      <caption>Seats</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Seats</th>
        </tr>
      </thead>
      <tbody>
        {groups.map(([name, list]) => (
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
