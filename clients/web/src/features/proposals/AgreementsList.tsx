import { useState } from "react";
import type { AgreementView } from "../../api/types";
import { type Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { Field } from "../../ui/fields";
import { humanize, roleList } from "../../ui/format";
import { useAction } from "../../ui/useAction";
import { TermsSummary } from "./TermsSummary";
import { kindName, LEGAL_FORM_NAMES } from "./terms";
import { ROLE_NAMES, type Role } from "../../api/types";

/** Signed agreements; a party's players may revoke one in force, with a reason everyone reads. */
export function AgreementsList({ agreements, may }: { agreements: AgreementView[]; may: Permissions }) {
  if (agreements.length === 0) return <p className="empty">No agreement has been signed.</p>;
  return (
    <ul className="agreements">
      {agreements.map((a) => (
        <li key={a.id} data-agreement-id={a.id} data-status={a.status}>
          <header>
            <strong>
              #{a.number} {kindName(a.terms)}
            </strong>
            <span className="status">{humanize(a.status)}</span>
            <span>{roleList(a.parties)}</span>
            {a.signedTurn ? <span>signed turn {a.signedTurn}</span> : null}
          </header>
          {a.statusReason ? <p className="status-reason">{a.statusReason}</p> : null}
          {a.currentForm && a.terms.kind === "guarantee" && a.currentForm !== a.terms.legalForm ? (
            <p className="status-reason">Legal form now: {LEGAL_FORM_NAMES[a.currentForm]}</p>
          ) : null}
          {Object.keys(a.reputation).length ? (
            <p>
              Reputation on it:{" "}
              {Object.entries(a.reputation)
                .map(([r, v]) => `${ROLE_NAMES[r as Role]} ${v.toFixed(2)}`)
                .join(", ")}
            </p>
          ) : null}
          {a.breaches || a.violators.length ? (
            <p className="error">
              {a.breaches} breach{a.breaches === 1 ? "" : "es"}
              {a.violators.length ? `; violated by ${roleList(a.violators)}` : ""}
            </p>
          ) : null}
          <TermsSummary terms={a.terms} />
          {may.revoke(a) ? <RevokeForm agreement={a} maxLength={may.limits.reasonMaxLength} /> : null}
        </li>
      ))}
    </ul>
  );
}

function RevokeForm({ agreement, maxLength }: { agreement: AgreementView; maxLength: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const commands = useCommands();
  const action = useAction();
  if (!open)
    return (
      <button className="secondary small" onClick={() => setOpen(true)}>
        Revoke #{agreement.number}…
      </button>
    );
  return (
    <form
      aria-label={`Revoke agreement #${agreement.number}`}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => commands.revokeAgreement(agreement.id, reason));
      }}
    >
      <Field label="Reason for revoking (everyone reads it)">
        {(id) => <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={maxLength} required />}
      </Field>
      <div className="row">
        <button type="submit" className="danger" disabled={action.busy}>
          Revoke
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
      <ActionFeedback error={action.error} />
    </form>
  );
}
