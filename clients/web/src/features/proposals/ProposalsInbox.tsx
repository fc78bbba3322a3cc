import { useState } from "react";
import type { ProposalResponse, ProposalView, Role } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { answerOf, type Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { humanize } from "../../ui/format";
import { useAction } from "../../ui/useAction";
import { ProposalBuilder } from "./ProposalBuilder";
import { TermsSummary } from "./TermsSummary";
import { kindName } from "./terms";

/** Proposals this audience can see, newest first: named parties accept, reject or counter; the proposer withdraws. */
export function ProposalsInbox({ proposals, may }: { proposals: ProposalView[]; may: Permissions }) {
  if (proposals.length === 0) return <p className="empty">No proposals yet.</p>;
  const sorted = [...proposals].sort((a, b) => b.id - a.id);
  return (
    <ul className="proposals">
      {sorted.map((p) => (
        <ProposalItem key={p.id} proposal={p} may={may} />
      ))}
    </ul>
  );
}

function answerText(answer: string) {
  return answer === "Accepted" ? "✓ accepted" : answer === "Rejected" ? "✗ rejected" : "… waiting";
}

function ProposalItem({ proposal: p, may }: { proposal: ProposalView; may: Permissions }) {
  const [countering, setCountering] = useState(false);
  const commands = useCommands();
  const action = useAction();
  const actions = may.respond(p);
  const respond = (response: ProposalResponse) => action.run(() => commands.respondToProposal(p.id, response));
  return (
    <li
      className={`proposal status-${p.status.toLowerCase()}`}
      data-proposal-id={p.id}
      data-status={p.status}
      aria-label={`Proposal ${p.id}: ${kindName(p.terms)}`}
    >
      <header>
        <strong>
          #{p.id} {kindName(p.terms)}
        </strong>
        <span className="status">{humanize(p.status)}</span>
        <span>
          from {ROLE_NAMES[p.proposer]}, turn {p.proposedTurn}
        </span>
        {p.counterOf ? <span>counters #{p.counterOf}</span> : null}
        {p.counteredBy ? <span>countered by #{p.counteredBy}</span> : null}
      </header>
      <p className="parties">
        Parties:{" "}
        {p.parties.map((r: Role) => (
          <span key={r} className={answerOf(p, r).toLowerCase()}>
            {ROLE_NAMES[r]} {answerText(answerOf(p, r))}
          </span>
        ))}
      </p>
      {p.status === "Accepted" ? <p className="hint">Every party accepted: it is signed when the negotiation phase closes.</p> : null}
      <TermsSummary terms={p.terms} />
      {actions.accept || actions.reject || actions.counter || actions.withdraw ? (
        <div className="row">
          {actions.accept ? (
            <button onClick={() => void respond("Accept")} disabled={action.busy}>
              Accept
            </button>
          ) : null}
          {actions.reject ? (
            <button className="secondary" onClick={() => void respond("Reject")} disabled={action.busy}>
              Reject
            </button>
          ) : null}
          {actions.counter ? (
            <button className="secondary" onClick={() => setCountering(!countering)} aria-expanded={countering}>
              Counter
            </button>
          ) : null}
          {actions.withdraw ? (
            <button className="secondary" onClick={() => void respond("Withdraw")} disabled={action.busy}>
              Withdraw
            </button>
          ) : null}
        </div>
      ) : null}
      <ActionFeedback error={action.error} />
      {countering ? (
        <ProposalBuilder
          initial={p.terms}
          submitLabel="Send counter-proposal"
          onCancel={() => setCountering(false)}
          onSubmit={async (terms) => {
            const r = await commands.counterProposal(p.id, terms);
            if (r.accepted) setCountering(false);
            return r;
          }}
        />
      ) : null}
    </li>
  );
}
