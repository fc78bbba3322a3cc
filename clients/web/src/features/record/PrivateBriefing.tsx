import type { GameView, PrivateRecord, QuantityView, RussianBeliefView } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { humanize, percent, thousands } from "../../ui/format";
import { RecordTable } from "../../ui/RecordTable";

/** In the unit the rules give it: a share as a whole percentage, a flag as yes or no, a turn as "turn 3". */
export function quantity(q: QuantityView) {
  switch (q.unit) {
    case "Share":
      return percent(q.value);
    case "Flag":
      return q.value > 0 ? "Yes" : "No";
    case "Turn":
      return q.value > 0 ? `Turn ${q.value}` : "None";
    default:
      return thousands(q.value);
  }
}

/** A role's private briefing, hidden quantities and (Russia) its expected-utility outlook. Only from this audience's view. */
export function PrivateBriefing({ record, view, heading }: { record: PrivateRecord; view: GameView; heading?: string }) {
  const hidden = view.hidden.find((h) => h.role === record.role);
  const outlook = record.role === "RU" ? view.russianOutlook : null;
  const belief = record.role === "RU" ? view.russianBelief : null;
  const reports = view.intelligence.filter((r) => r.for === record.role && r.turn === view.turn);
  return (
    <article
      className="private"
      data-testid={`private-${record.role}`}
      aria-label={heading ?? `Private briefing of ${ROLE_NAMES[record.role]}`}
    >
      <h3>{heading ?? `${ROLE_NAMES[record.role]}: private briefing`}</h3>
      <p className="briefing">
        <small className="hint">At the start of the game: </small>
        {record.briefing}
      </p>
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
                <dd>{quantity(q)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {outlook ? (
        <>
          <h4>Expected utility of attacking (EU = (1 − D)·Gain − D·Cost of war)</h4>
          <RecordTable
            rows={outlook.options}
            rowKey={(o) => o.posture}
            columns={[
              { header: "Option", cell: (o) => humanize(o.posture) },
              { header: "Gain", cell: (o) => o.gain.toFixed(2) },
              { header: "Cost of war", cell: (o) => o.costOfWar.toFixed(2) },
              { header: "Expected utility", cell: (o) => o.expectedUtility.toFixed(2) },
            ]}
          />
          <p className="hint">
            Deterrence D = {outlook.deterrence.toFixed(2)}
            {outlook.hazard != null ? `; ceasefire hazard ${percent(outlook.hazard)} a turn` : ""}
            {outlook.hazardIfRearming != null ? ` (${percent(outlook.hazardIfRearming)} if rearming)` : ""}.
          </p>
        </>
      ) : null}
      {belief ? <RussianBelief belief={belief} /> : null}
    </article>
  );
}

const estimate = (value: number, truth: number | null) =>
  truth == null ? value.toFixed(2) : `${value.toFixed(2)} (true ${truth.toFixed(2)})`;

/** What Russia believes of each guarantee it knows of; beside it the truth, for the facilitator and after the reveal. */
function RussianBelief({ belief }: { belief: RussianBeliefView }) {
  const withTruth = belief.trueDeterrence != null;
  return (
    <>
      <h4>What Russia believes{withTruth ? " (beside the true values)" : ""}</h4>
      <RecordTable
        rows={belief.guarantors}
        rowKey={(g) => `${g.agreementId}-${g.guarantor}`}
        columns={[
          { header: "Guarantor", cell: (g) => ROLE_NAMES[g.guarantor] },
          { header: "Commitment", cell: (g) => estimate(g.commitment, g.trueCommitment) },
          { header: "Capability", cell: (g) => estimate(g.capability, g.trueCapability) },
          { header: "Credibility", cell: (g) => estimate(g.credibility, g.trueCredibility) },
        ]}
      />
      <p className="hint" data-testid="russian-belief">
        Russia estimates deterrence at {estimate(belief.deterrence, belief.trueDeterrence)}: its intelligence sees each guarantee through
        noise, so it may over- or under-estimate resolve.
      </p>
    </>
  );
}
