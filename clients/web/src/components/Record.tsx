import type { CommandResult, GameView, PrivateRecord, Role, SeatView } from "../api/types";
import { ROLE_NAMES } from "../api/types";
import { AgreementsList } from "./Proposals";
import { humanize } from "./ui";

function pct(v: number) {
  return `${(v * 100).toFixed(0)}%`;
}

/** A role's private briefing, hidden quantities and (Russia) its expected-utility outlook. Only from this audience's view. */
export function PrivateBriefing({ record, view, heading }: { record: PrivateRecord; view: GameView; heading?: string }) {
  const hidden = view.hidden?.find((h) => h.role === record.role);
  const outlook = record.role === "RU" ? view.russianOutlook : null;
  const reports = (view.intelligence ?? []).filter((r) => r.for === record.role && r.turn === view.turn);
  return (
    <article className="private" data-testid={`private-${record.role}`} aria-label={heading ?? `Private briefing of ${ROLE_NAMES[record.role]}`}>
      <h3>{heading ?? `${ROLE_NAMES[record.role]}: private briefing`}</h3>
      <p className="briefing">{record.briefing}</p>
      {reports.length ? (
        <>
          <h4>Intelligence on the other roles (turn {view.turn})</h4>
          <ul className="intelligence" data-testid={`intelligence-${record.role}`}>
            {reports.map((r) => (
              <li key={`${r.about}-${r.quantity}`}>{r.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {hidden?.quantities.length ? (
        <>
          <h4>Your own situation</h4>
          <dl className="extras">
            {hidden.quantities.map((q) => (
              <div key={q.name}>
                <dt>{q.label}</dt>
                <dd>{q.value <= 1 && q.value >= 0 && !Number.isInteger(q.value) ? pct(q.value) : q.value.toLocaleString("en")}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {outlook ? (
        <>
          <h4>Expected utility of attacking (EU = (1 − D)·Gain − D·Cost of war)</h4>
          <table className="record-terms">
            <thead>
              <tr>
                <th scope="col">Option</th>
                <th scope="col">Gain</th>
                <th scope="col">Cost of war</th>
                <th scope="col">Expected utility</th>
              </tr>
            </thead>
            <tbody>
              {outlook.options.map((o) => (
                <tr key={o.posture}>
                  <th scope="row">{humanize(o.posture)}</th>
                  <td>{o.gain.toFixed(2)}</td>
                  <td>{o.costOfWar.toFixed(2)}</td>
                  <td>{o.expectedUtility.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            Deterrence D = {outlook.deterrence.toFixed(2)}
            {outlook.hazard != null ? `; ceasefire hazard ${pct(outlook.hazard)} a turn` : ""}
            {outlook.hazardIfRearming != null ? ` (${pct(outlook.hazardIfRearming)} if rearming)` : ""}.
          </p>
        </>
      ) : null}
    </article>
  );
}

/** What everyone knows: the scenario, each role's public briefing, agreements in force, injects and public statements. */
export function PublicRecord({ view, me, send }: { view: GameView; me?: Role | null; send?: (method: string, ...args: unknown[]) => Promise<CommandResult> }) {
  const statements = view.messages.filter((m) => m.to.length === 0);
  return (
    <div className="public-record" data-testid="public-record">
      <p className="scenario-summary">
        <strong>{view.scenario.title}.</strong> {view.scenario.summary}
      </p>
      {view.territory !== undefined ? (
        <dl className="facts" aria-label="Situation">
          <div>
            <dt>Territory held by Ukraine</dt>
            <dd data-testid="territory">{view.territory.toFixed(1)}%</dd>
          </div>
          <div>
            <dt>Sanctions pressure</dt>
            <dd>{view.sanctions} / 10</dd>
          </div>
          <div>
            <dt>Deterrence (D)</dt>
            <dd data-testid="deterrence">{(view.deterrence ?? 0).toFixed(2)}</dd>
          </div>
        </dl>
      ) : null}
      <h3>Agreements</h3>
      <AgreementsList agreements={view.agreements ?? []} me={me} send={send} />
      {view.credibility?.length ? (
        <table className="record-terms" aria-label="Credibility of guarantees">
          <caption>Credibility of guarantees now (steps A–C)</caption>
          <thead>
            <tr>
              <th scope="col">Guarantee</th>
              <th scope="col">Commitment</th>
              <th scope="col">Capability</th>
              <th scope="col">Credibility</th>
            </tr>
          </thead>
          <tbody>
            {view.credibility.map((c) => (
              <tr key={`${c.agreementId}-${c.guarantor}`}>
                <th scope="row">
                  #{c.agreementId} {ROLE_NAMES[c.guarantor]}
                </th>
                <td title={c.commitmentTerms.map((t) => `${t.name} ${t.value.toFixed(2)} ${t.tag}`).join("; ")}>{c.commitment.toFixed(2)}</td>
                <td title={c.capabilityTerms.map((t) => `${t.name} ${t.value.toFixed(2)} ${t.tag}`).join("; ")}>{c.capability.toFixed(2)}</td>
                <td>{c.credibility.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {view.injects?.length ? (
        <>
          <h3>Events</h3>
          <ul className="injects" data-testid="injects">
            {view.injects.map((i, n) => (
              <li key={n}>
                <strong>
                  Turn {i.turn}: {i.title}
                </strong>{" "}
                {i.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.forces?.length ? (
        <table className="record-terms" aria-label="Order of battle">
          <caption>Order of battle</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Troops</th>
              <th scope="col">Location</th>
              <th scope="col">Within 72 h</th>
              <th scope="col">Reputation</th>
            </tr>
          </thead>
          <tbody>
            {view.forces.map((f) => (
              <tr key={f.role}>
                <th scope="row">{ROLE_NAMES[f.role]}</th>
                <td>{f.troops.toLocaleString("en")}</td>
                <td>{f.location === "Rear" ? "rear" : "contact line"}</td>
                <td>{f.reinforcements72h ? f.reinforcements72h.toLocaleString("en") : "—"}</td>
                <td>{f.reputation != null ? f.reputation.toFixed(2) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
      <caption className="sr-only">Seats</caption>
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
