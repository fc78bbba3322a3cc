import { useState } from "react";
import type { AgreementView, ProposalResponse, ProposalView, Role } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { answerOf, type Permissions } from "../../game/permissions";
import { storage } from "../../api/storage";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { humanize } from "../../ui/format";
import { useAction } from "../../ui/useAction";
import { ProposalBuilder } from "./ProposalBuilder";
import { TermsSummary } from "./TermsSummary";
import { kindName, termsChanges } from "./terms";

/**
 * Proposals this audience can see, newest first, by the short number its own list gives them: named parties accept,
 * reject or counter; the proposer withdraws. A counter-proposal shows what it changes, a new ceasefire how it differs
 * from the one in force.
 */
export function ProposalsInbox({
  proposals,
  agreements = [],
  may,
  gameId,
  stateVersion,
}: {
  proposals: ProposalView[];
  agreements?: AgreementView[];
  may: Permissions;
  /** A player's game: a half-built counter-proposal is kept in this browser under it. */
  gameId?: string;
  stateVersion?: number;
}) {
  if (proposals.length === 0) return <p className="empty">No proposals yet.</p>;
  const sorted = [...proposals].sort((a, b) => b.id - a.id);
  const inForce = agreements.find((a) => a.terms.kind === "ceasefire" && (a.status === "InForce" || a.status === "Tested"));
  return (
    <ul className="proposals">
      {sorted.map((p) => (
        <ProposalItem
          key={p.id}
          proposal={p}
          proposals={proposals}
          ceasefireInForce={inForce}
          may={may}
          draftOf={gameId ? counterDraftKey(gameId, p.id) : undefined}
          stateVersion={stateVersion}
        />
      ))}
    </ul>
  );
}

/** "Changes from #2" or "Differs from the ceasefire in force (#1)", one line per term changed. */
function Changes({ title, changes }: { title: string; changes: ReturnType<typeof termsChanges> }) {
  return (
    <div className="changes" data-testid="changes">
      <strong>{title}</strong>
      {changes.length === 0 ? (
        <span> no term changed.</span>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={c.term}>
              {c.term}: <del>{c.from}</del> → <ins>{c.to}</ins>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Where a counter-proposal's half-built terms are kept: per game and per proposal it counters. */
const counterDraftKey = (gameId: string, proposalId: number) => `${gameId}.counter.${proposalId}`;

function answerText(answer: string) {
  return answer === "Accepted" ? "✓ accepted" : answer === "Rejected" ? "✗ rejected" : "… waiting";
}

function ProposalItem({
  proposal: p,
  proposals,
  ceasefireInForce,
  may,
  draftOf,
  stateVersion,
}: {
  proposal: ProposalView;
  proposals: ProposalView[];
  ceasefireInForce: AgreementView | undefined;
  may: Permissions;
  draftOf?: string;
  stateVersion?: number;
}) {
  const countered = p.counterOf != null ? proposals.find((o) => o.id === p.counterOf) : undefined;
  const counter = p.counteredBy != null ? proposals.find((o) => o.id === p.counteredBy) : undefined;
  const comparesWithCeasefire = ceasefireInForce && p.terms.kind === "ceasefire" && p.status === "Proposed" && ceasefireInForce.id !== p.id;
  // A counter-proposal left half-built (before a reload) opens again with its terms.
  const [countering, setCountering] = useState(() => (draftOf ? storage.proposalDraft(draftOf) != null : false));
  const stopCountering = () => {
    if (draftOf) storage.forgetProposalDraft(draftOf);
    setCountering(false);
  };
  const commands = useCommands();
  const action = useAction();
  const actions = may.respond(p);
  const respond = (response: ProposalResponse) => action.run(() => commands.respondToProposal(p.id, response));
  return (
    <li
      className={`proposal status-${p.status.toLowerCase()}`}
      data-proposal-id={p.id}
      data-status={p.status}
      aria-label={`Proposal #${p.number}: ${kindName(p.terms)}`}
    >
      <header>
        <strong>
          #{p.number} {kindName(p.terms)}
        </strong>
        <span className="status">{humanize(p.status)}</span>
        <span>
          from {ROLE_NAMES[p.proposer]}, turn {p.proposedTurn}
        </span>
        {countered ? <span>counters #{countered.number}</span> : null}
        {counter ? <span>countered by #{counter.number}</span> : null}
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
      {countered ? <Changes title={`Changes from #${countered.number}:`} changes={termsChanges(countered.terms, p.terms)} /> : null}
      {comparesWithCeasefire ? (
        <Changes
          title={`Differs from the ceasefire in force (#${ceasefireInForce.number}):`}
          changes={termsChanges(ceasefireInForce.terms, p.terms)}
        />
      ) : null}
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
            <button className="secondary" onClick={() => (countering ? stopCountering() : setCountering(true))} aria-expanded={countering}>
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
      {countering && actions.counter ? (
        <ProposalBuilder
          initial={p.terms}
          submitLabel="Send counter-proposal"
          draftOf={draftOf}
          stateVersion={stateVersion}
          onCancel={stopCountering}
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
