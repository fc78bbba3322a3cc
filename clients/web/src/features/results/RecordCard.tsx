import type { ResolutionRecord, Term } from "../../api/types";
import { basisPoints, number, signed, tagClass } from "../../ui/format";
import { RecordTable } from "../../ui/RecordTable";

/** One adjudicated outcome: its terms with tags and sources, the roll against the threshold, precedent and counterfactual. */
export function RecordCard({ record: r }: { record: ResolutionRecord }) {
  // Rolled outcomes are the ones a debrief argues about: open them; computed steps stay one line until asked.
  return (
    <details className="record" data-record-id={r.id} open={r.roll != null}>
      <summary>
        <span className="step">Step {r.step}</span> <strong>{r.title}</strong> <span>{r.subject}</span>:{" "}
        <span className="outcome">{r.outcome}</span>
      </summary>
      {r.terms.length ? (
        <RecordTable<Term>
          caption="Terms"
          rows={r.terms}
          rowKey={(t) => `${t.name}-${r.terms.indexOf(t)}`}
          columns={[
            { header: "Term", cell: (t) => t.name },
            { header: "Formula", cell: (t) => (t.formula ? <code className="formula">{t.formula}</code> : null) },
            { header: "Value", cell: (t) => number(t.value) },
            { header: "Basis", cell: (t) => <Basis tag={t.tag} source={t.source} /> },
          ]}
        />
      ) : null}
      {r.thresholdBp != null ? <Roll roll={r.roll} threshold={r.thresholdBp} /> : null}
      {r.precedent ? (
        <p className="precedent">
          <strong>Precedent:</strong> {r.precedent}
        </p>
      ) : null}
      {r.counterfactual ? (
        <p className="counterfactual">
          <strong>Counterfactual:</strong> {r.counterfactual}
        </p>
      ) : null}
      {r.adjustment != null ? (
        <p className="adjustment">
          <strong>Facilitator adjustment:</strong> {signed(r.adjustment)} logit — {r.adjustmentReason}
        </p>
      ) : null}
      <code className="record-id">{r.id}</code>
    </details>
  );
}

/** A constant's tag ([LIT] or [DESIGN]) and where its number comes from. */
export function Basis({ tag, source }: { tag: string; source: string }) {
  return (
    <>
      <span className={tagClass(tag)}>{tag}</span> {source}
    </>
  );
}

function Roll({ roll, threshold }: { roll: number | null; threshold: number }) {
  return (
    <p className="roll" data-testid="roll">
      {roll != null ? (
        <>
          Roll <strong>{roll}</strong> against threshold <strong>{threshold}</strong> (of 10000, a {basisPoints(threshold)} chance):{" "}
          {roll <= threshold
            ? "the roll is at or under the threshold, so it happens."
            : "the roll is over the threshold, so it does not happen."}
        </>
      ) : (
        <>Value {basisPoints(threshold)} (no roll).</>
      )}
    </p>
  );
}
