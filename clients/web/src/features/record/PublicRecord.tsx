import type { CredibilityView, ForceView, GameView, Term } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import type { Permissions } from "../../game/permissions";
import { locationName, thousands } from "../../ui/format";
import { RecordTable } from "../../ui/RecordTable";
import { AgreementsList } from "../proposals/AgreementsList";
import { agreementNumber } from "../proposals/terms";
import { MessageList } from "./MessageList";

const termsTitle = (terms: Term[]) => terms.map((t) => `${t.name} ${t.value.toFixed(2)} ${t.tag}`).join("; ");

/** What everyone knows: the scenario, the situation, agreements, credibility, injects, forces, roles and public statements. */
export function PublicRecord({ view, may }: { view: GameView; may: Permissions }) {
  return (
    <div className="public-record" data-testid="public-record">
      <p className="scenario-summary">
        <strong>{view.scenario.title}.</strong> {view.scenario.summary}
      </p>
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
          <dd data-testid="deterrence">{view.deterrence.toFixed(2)}</dd>
        </div>
      </dl>
      <h3>Agreements</h3>
      <AgreementsList agreements={view.agreements} may={may} />
      {view.credibility.length ? (
        <RecordTable<CredibilityView>
          label="Credibility of guarantees"
          caption="Credibility of guarantees now (steps A–C)"
          rows={view.credibility}
          rowKey={(c) => `${c.agreementId}-${c.guarantor}`}
          columns={[
            { header: "Guarantee", cell: (c) => `${agreementNumber(view, c.agreementId)} ${ROLE_NAMES[c.guarantor]}` },
            { header: "Commitment", cell: (c) => c.commitment.toFixed(2), title: (c) => termsTitle(c.commitmentTerms) },
            { header: "Capability", cell: (c) => c.capability.toFixed(2), title: (c) => termsTitle(c.capabilityTerms) },
            { header: "Credibility", cell: (c) => c.credibility.toFixed(2) },
          ]}
        />
      ) : null}
      {view.injects.length ? (
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
      {view.forces.length ? (
        <RecordTable<ForceView>
          label="Order of battle"
          caption="Order of battle"
          rows={view.forces}
          rowKey={(f) => f.role}
          columns={[
            { header: "Role", cell: (f) => ROLE_NAMES[f.role] },
            { header: "Troops", cell: (f) => thousands(f.troops) },
            { header: "Location", cell: (f) => locationName(f.location) },
            { header: "Within 72 h", cell: (f) => (f.reinforcements72h ? thousands(f.reinforcements72h) : "—") },
            { header: "Reputation", cell: (f) => (f.reputation != null ? f.reputation.toFixed(2) : "—") },
          ]}
        />
      ) : null}
      <h3>Roles</h3>
      {/* Briefings describe the opening position; the agreements and forces above are the state now. */}
      <p className="hint">As each role stood when the game began; the agreements and forces above are where things stand now.</p>
      <div className="role-cards">
        {view.roles.map((r) => (
          <article key={r.role} className="role-card" aria-label={r.name}>
            <h4>
              {r.name} {r.ordersSubmitted ? <span className="pill">orders in</span> : null}
            </h4>
            <p>{view.publicBriefings.find((b) => b.role === r.role)?.briefing}</p>
          </article>
        ))}
      </div>
      <h3>Public statements</h3>
      <MessageList messages={view.messages.filter((m) => m.to.length === 0)} empty="None yet." />
    </div>
  );
}
