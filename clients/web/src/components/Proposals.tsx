import { useId, useState } from "react";
import type { AgreementTerms, AgreementView, CeasefireTerms, CommandResult, GuaranteeTerms, ProposalView, Role, Tripwire } from "../api/types";
import { GUARANTORS, ROLE_NAMES } from "../api/types";
import { ActionFeedback, Check, Field, NumberInput, Select, humanize, useAction } from "./ui";

export const defaultCeasefire = (): CeasefireTerms => ({
  kind: "ceasefire",
  line: "Freeze",
  lineName: null,
  dmzWidthKm: 0,
  monitoring: "None",
  monitorsFrom: [],
  jointCommission: false,
  specificity: "General",
  sanctionsRelief: "None",
  uaForceCapThousands: null,
  natoNonAccessionPledge: false,
  prisonerExchange: false,
  mediators: [],
});

export const defaultGuarantee = (): GuaranteeTerms => ({
  kind: "guarantee",
  guarantors: ["US"],
  legalForm: "Verbal",
  trigger: "Consultative",
  ambiguityClause: false,
  tripwires: [],
  economicStake: "None",
  armsAndIntelligence: false,
  russianConsentSought: false,
});

const LEGAL_FORM_NAMES = {
  Verbal: "Verbal or memorandum",
  ExecutiveAgreement: "Executive agreement",
  CongressionalExecutive: "Congressional-executive agreement",
  RatifiedTreaty: "Ratified treaty",
} as const;

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((x) => x !== item);
}

/** Builds ceasefire or guarantee terms with every term the rules know. */
export function ProposalBuilder({ initial, submitLabel, onSubmit, onCancel }: { initial?: AgreementTerms; submitLabel: string; onSubmit: (terms: AgreementTerms) => Promise<CommandResult>; onCancel?: () => void }) {
  const [kind, setKind] = useState<AgreementTerms["kind"]>(initial?.kind ?? "ceasefire");
  const [ceasefire, setCeasefire] = useState<CeasefireTerms>(initial?.kind === "ceasefire" ? initial : defaultCeasefire());
  const [guarantee, setGuarantee] = useState<GuaranteeTerms>(initial?.kind === "guarantee" ? initial : defaultGuarantee());
  const action = useAction();
  const kindGroup = useId();

  const c = ceasefire;
  const setC = (patch: Partial<CeasefireTerms>) => setCeasefire({ ...c, ...patch });
  const g = guarantee;
  const setG = (patch: Partial<GuaranteeTerms>) => setGuarantee({ ...g, ...patch });
  const tripwire = (r: Role): Tripwire | undefined => g.tripwires.find((t) => t.guarantor === r);
  const setTripwire = (r: Role, t: Tripwire | null) =>
    setG({ tripwires: [...g.tripwires.filter((x) => x.guarantor !== r), ...(t ? [t] : [])] });

  const duration = kind === "ceasefire" ? c.durationTurns : g.durationTurns;
  const setDuration = (value: number | null) => (kind === "ceasefire" ? setC({ durationTurns: value }) : setG({ durationTurns: value }));
  return (
    <form
      className="builder"
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => onSubmit(kind === "ceasefire" ? c : g), "Proposal sent.");
      }}
    >
      {!initial ? (
        <fieldset className="kind">
          <legend>Kind of agreement</legend>
          <label className="inline">
            <input type="radio" name={kindGroup} checked={kind === "ceasefire"} onChange={() => setKind("ceasefire")} /> Ceasefire agreement (Ukraine and Russia)
          </label>
          <label className="inline">
            <input type="radio" name={kindGroup} checked={kind === "guarantee"} onChange={() => setKind("guarantee")} /> Security guarantee (US and/or Europe to Ukraine)
          </label>
        </fieldset>
      ) : null}

      {kind === "ceasefire" ? (
        <div className="grid">
          <Select label="Line of contact" value={c.line} options={["Freeze", "WithdrawToLine"] as const} names={{ Freeze: "Freeze the current line", WithdrawToLine: "Withdraw to a named line" }} onChange={(line) => setC({ line, lineName: line === "Freeze" ? null : c.lineName })} />
          {c.line === "WithdrawToLine" ? (
            <Field label="Named line">{(id) => <input id={id} value={c.lineName ?? ""} onChange={(e) => setC({ lineName: e.target.value })} required />}</Field>
          ) : null}
          <NumberInput label="Demilitarised zone width (km)" value={c.dmzWidthKm} min={0} max={100} onChange={(dmzWidthKm) => setC({ dmzWidthKm })} />
          <Select label="Monitoring" value={c.monitoring} options={["None", "UnarmedMonitors", "ArmedPeacekeepers"] as const} onChange={(monitoring) => setC({ monitoring })} />
          {c.monitoring !== "None" ? (
            <Field label="Monitors from" hint="Comma-separated, e.g. OSCE, EU">
              {(id) => <input id={id} value={c.monitorsFrom.join(", ")} onChange={(e) => setC({ monitorsFrom: e.target.value.split(",").map((s) => s.trim()).filter(Boolean) })} />}
            </Field>
          ) : null}
          <Select label="Text specificity" value={c.specificity} options={["General", "Specific"] as const} onChange={(specificity) => setC({ specificity })} />
          <Select label="Sanctions relief" value={c.sanctionsRelief} options={["None", "Phased", "Immediate"] as const} onChange={(sanctionsRelief) => setC({ sanctionsRelief })} />
          <Field label="Ukraine force cap (thousands of troops)" hint="Leave empty for no cap">
            {(id) => <input id={id} type="number" min={0} value={c.uaForceCapThousands ?? ""} onChange={(e) => setC({ uaForceCapThousands: e.target.value === "" ? null : Number(e.target.value) })} />}
          </Field>
          <Check label="Joint commission" checked={c.jointCommission} onChange={(jointCommission) => setC({ jointCommission })} />
          <Check label="NATO non-accession pledge" checked={c.natoNonAccessionPledge} onChange={(natoNonAccessionPledge) => setC({ natoNonAccessionPledge })} />
          <Check label="Prisoner exchange" checked={c.prisonerExchange} onChange={(prisonerExchange) => setC({ prisonerExchange })} />
          <fieldset>
            <legend>Mediators (optional)</legend>
            {GUARANTORS.map((r) => (
              <Check key={r} label={`${ROLE_NAMES[r]} mediates`} checked={c.mediators.includes(r)} onChange={(on) => setC({ mediators: toggle(c.mediators, r, on) })} />
            ))}
          </fieldset>
        </div>
      ) : (
        <div className="grid">
          <fieldset>
            <legend>Guarantors</legend>
            {GUARANTORS.map((r) => (
              <Check key={r} label={`${ROLE_NAMES[r]} guarantees`} checked={g.guarantors.includes(r)} onChange={(on) => setG({ guarantors: toggle(g.guarantors, r, on), tripwires: on ? g.tripwires : g.tripwires.filter((t) => t.guarantor !== r) })} />
            ))}
          </fieldset>
          <Select label="Legal form" value={g.legalForm} options={["Verbal", "ExecutiveAgreement", "CongressionalExecutive", "RatifiedTreaty"] as const} names={LEGAL_FORM_NAMES} onChange={(legalForm) => setG({ legalForm })} />
          <Select label="Trigger" value={g.trigger} options={["Consultative", "Automatic"] as const} names={{ Consultative: "Consultative", Automatic: "Automatic (Article-5-like)" }} onChange={(trigger) => setG({ trigger })} />
          <Select label="Economic stake" value={g.economicStake} options={["None", "MineralsDeal", "MineralsWithPersonnel"] as const} names={{ None: "None", MineralsDeal: "Critical-minerals deal", MineralsWithPersonnel: "Minerals deal with personnel and assets on site" }} onChange={(economicStake) => setG({ economicStake })} />
          <Check label="Strategic-ambiguity clause" checked={g.ambiguityClause} onChange={(ambiguityClause) => setG({ ambiguityClause })} />
          <Check label="Arms and intelligence support" checked={g.armsAndIntelligence} onChange={(armsAndIntelligence) => setG({ armsAndIntelligence })} />
          <Check label="Russian consent sought" checked={g.russianConsentSought} onChange={(russianConsentSought) => setG({ russianConsentSought })} />
          {g.guarantors.map((r) => {
            const t = tripwire(r);
            return (
              <fieldset key={r}>
                <legend>Tripwire: {ROLE_NAMES[r]}</legend>
                <NumberInput label={`${ROLE_NAMES[r]} troops`} value={t?.troops ?? 0} min={0} step={500} onChange={(troops) => setTripwire(r, troops > 0 ? { guarantor: r, troops, location: t?.location ?? "Rear" } : null)} />
                <Select label={`${ROLE_NAMES[r]} troop location`} value={t?.location ?? "Rear"} options={["Rear", "ContactLine"] as const} names={{ Rear: "Rear areas", ContactLine: "Contact line" }} onChange={(location) => setTripwire(r, { guarantor: r, troops: t?.troops ?? 0, location })} />
              </fieldset>
            );
          })}
        </div>
      )}
      <Field label="Duration (turns in force)" hint="Leave empty: in force until the game ends">
        {(id) => <input id={id} type="number" min={1} max={40} value={duration ?? ""} onChange={(e) => setDuration(e.target.value === "" ? null : Number(e.target.value))} />}
      </Field>
      <div className="row">
        <button type="submit" disabled={action.busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <ActionFeedback error={action.error} done={action.done} />
    </form>
  );
}

/** One line per term, for inboxes, agreements and results. */
export function TermsSummary({ terms }: { terms: AgreementTerms }) {
  const rows: [string, string][] = [];
  if (terms.kind === "ceasefire") {
    rows.push(["Duration", terms.durationTurns ? `${terms.durationTurns} turns` : "Until the game ends"]);
    rows.push(["Line of contact", terms.line === "Freeze" ? "Freeze the current line" : `Withdraw to ${terms.lineName ?? "a named line"}`]);
    rows.push(["Demilitarised zone", terms.dmzWidthKm ? `${terms.dmzWidthKm} km` : "None"]);
    rows.push(["Monitoring", humanize(terms.monitoring) + (terms.monitorsFrom.length ? ` from ${terms.monitorsFrom.join(", ")}` : "")]);
    rows.push(["Joint commission", terms.jointCommission ? "Yes" : "No"]);
    rows.push(["Text", humanize(terms.specificity)]);
    rows.push(["Sanctions relief", humanize(terms.sanctionsRelief)]);
    rows.push(["Ukraine force cap", terms.uaForceCapThousands == null ? "None" : `${terms.uaForceCapThousands}k troops`]);
    rows.push(["NATO non-accession pledge", terms.natoNonAccessionPledge ? "Yes" : "No"]);
    rows.push(["Prisoner exchange", terms.prisonerExchange ? "Yes" : "No"]);
    if (terms.mediators.length) rows.push(["Mediators", terms.mediators.map((r) => ROLE_NAMES[r]).join(", ")]);
  } else {
    rows.push(["Duration", terms.durationTurns ? `${terms.durationTurns} turns` : "Until the game ends"]);
    rows.push(["Guarantors", terms.guarantors.map((r) => ROLE_NAMES[r]).join(" and ") || "None"]);
    rows.push(["Legal form", LEGAL_FORM_NAMES[terms.legalForm] ?? terms.legalForm]);
    rows.push(["Trigger", humanize(terms.trigger)]);
    rows.push(["Ambiguity clause", terms.ambiguityClause ? "Yes" : "No"]);
    rows.push(["Tripwires", terms.tripwires.length ? terms.tripwires.map((t) => `${ROLE_NAMES[t.guarantor]} ${t.troops.toLocaleString("en")} troops (${t.location === "Rear" ? "rear" : "contact line"})`).join("; ") : "None"]);
    rows.push(["Economic stake", humanize(terms.economicStake)]);
    rows.push(["Arms and intelligence", terms.armsAndIntelligence ? "Yes" : "No"]);
    rows.push(["Russian consent sought", terms.russianConsentSought ? "Yes" : "No"]);
  }
  return (
    <dl className="terms">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function kindName(terms: AgreementTerms) {
  return terms.kind === "ceasefire" ? "Ceasefire agreement" : "Security guarantee";
}

export function answerOf(p: ProposalView, role: Role) {
  return p.responses.find((r) => r.role === role)?.response ?? "Pending";
}

/** Proposals still open for answers; an accepted one is signed when negotiation closes. */
export function isOpen(p: ProposalView) {
  return p.status === "Proposed";
}

/** Proposals this audience can see: accept, reject, counter (named parties) or withdraw (the proposer). */
export function ProposalsInbox({ proposals, me, send, readOnly }: { proposals: ProposalView[]; me: Role | null; send: (method: string, ...args: unknown[]) => Promise<CommandResult>; readOnly?: boolean }) {
  if (proposals.length === 0) return <p className="empty">No proposals yet.</p>;
  const sorted = [...proposals].sort((a, b) => b.id - a.id);
  return (
    <ul className="proposals">
      {sorted.map((p) => (
        <ProposalItem key={p.id} proposal={p} me={me} send={send} readOnly={readOnly} />
      ))}
    </ul>
  );
}

function ProposalItem({ proposal: p, me, send, readOnly }: { proposal: ProposalView; me: Role | null; send: (method: string, ...args: unknown[]) => Promise<CommandResult>; readOnly?: boolean }) {
  const [countering, setCountering] = useState(false);
  const action = useAction();
  const open = isOpen(p);
  const mine = me !== null && p.proposer === me;
  const party = me !== null && p.parties.includes(me);
  const accepted = me !== null && answerOf(p, me) === "Accepted";
  const respond = (response: string) => action.run(() => send("RespondToProposal", p.id, response));
  return (
    <li className={`proposal status-${p.status.toLowerCase()}`} data-proposal-id={p.id} data-status={p.status} aria-label={`Proposal ${p.id}: ${kindName(p.terms)}`}>
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
        {p.parties.map((r) => {
          const answer = answerOf(p, r);
          return (
            <span key={r} className={answer.toLowerCase()}>
              {ROLE_NAMES[r]} {answer === "Accepted" ? "✓ accepted" : answer === "Rejected" ? "✗ rejected" : "… waiting"}
            </span>
          );
        })}
      </p>
      {p.status === "Accepted" ? <p className="hint">Every party accepted: it is signed when the negotiation phase closes.</p> : null}
      <TermsSummary terms={p.terms} />
      {open && !readOnly && me ? (
        <div className="row">
          {party && !accepted ? (
            <button onClick={() => void respond("Accept")} disabled={action.busy}>
              Accept
            </button>
          ) : null}
          {party && !mine ? (
            <button className="secondary" onClick={() => void respond("Reject")} disabled={action.busy}>
              Reject
            </button>
          ) : null}
          {party && !mine ? (
            <button className="secondary" onClick={() => setCountering(!countering)} aria-expanded={countering}>
              Counter
            </button>
          ) : null}
          {mine ? (
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
            const r = await send("CounterProposal", p.id, terms);
            if (r.accepted) setCountering(false);
            return r;
          }}
        />
      ) : null}
    </li>
  );
}

type Send = (method: string, ...args: unknown[]) => Promise<CommandResult>;

/** Signed agreements; a party's players may revoke one in force, with a reason everyone reads. */
export function AgreementsList({ agreements, me, send }: { agreements: AgreementView[]; me?: Role | null; send?: Send }) {
  if (agreements.length === 0) return <p className="empty">No agreement has been signed.</p>;
  return (
    <ul className="agreements">
      {agreements.map((a) => (
        <li key={a.id} data-agreement-id={a.id} data-status={a.status}>
          <header>
            <strong>
              #{a.id} {kindName(a.terms)}
            </strong>
            <span className="status">{humanize(a.status)}</span>
            <span>{a.parties.map((r) => ROLE_NAMES[r]).join(", ")}</span>
            {a.signedTurn ? <span>signed turn {a.signedTurn}</span> : null}
          </header>
          {a.statusReason ? <p className="status-reason">{a.statusReason}</p> : null}
          {a.currentForm && a.terms.kind === "guarantee" && a.currentForm !== a.terms.legalForm ? <p className="status-reason">Legal form now: {LEGAL_FORM_NAMES[a.currentForm]}</p> : null}
          {Object.keys(a.reputation).length ? (
            <p>
              Reputation on it:{" "}
              {Object.entries(a.reputation)
                .map(([r, v]) => `${ROLE_NAMES[r as Role]} ${(v ?? 0).toFixed(2)}`)
                .join(", ")}
            </p>
          ) : null}
          {a.breaches || a.violators.length ? (
            <p className="error">
              {a.breaches} breach{a.breaches === 1 ? "" : "es"}
              {a.violators.length ? `; violated by ${a.violators.map((r) => ROLE_NAMES[r]).join(", ")}` : ""}
            </p>
          ) : null}
          <TermsSummary terms={a.terms} />
          {me && send && a.parties.includes(me) && ["InForce", "Tested", "AwaitingRatification"].includes(a.status) ? <RevokeForm agreement={a} send={send} /> : null}
        </li>
      ))}
    </ul>
  );
}

function RevokeForm({ agreement, send }: { agreement: AgreementView; send: Send }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const action = useAction();
  if (!open)
    return (
      <button className="secondary small" onClick={() => setOpen(true)}>
        Revoke #{agreement.id}…
      </button>
    );
  return (
    <form
      aria-label={`Revoke agreement ${agreement.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => send("RevokeAgreement", agreement.id, reason));
      }}
    >
      <Field label="Reason for revoking (everyone reads it)">{(id) => <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} required />}</Field>
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
