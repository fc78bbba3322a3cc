import type { GameView, ResolutionRecord, Role, RoleScore } from "../api/types";
import { ROLE_NAMES } from "../api/types";

function number(v: number) {
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

function bp(v: number) {
  return `${(v / 100).toFixed(1)}%`;
}

/** One adjudicated outcome: its terms with tags and sources, the roll against the threshold, precedent and counterfactual. */
export function RecordCard({ record: r }: { record: ResolutionRecord }) {
  // Rolled outcomes are the ones a debrief argues about: open them; computed steps stay one line until asked.
  return (
    <details className="record" data-record-id={r.id} open={r.roll != null}>
      <summary>
        <span className="step">Step {r.step}</span> <strong>{r.title}</strong> <span>{r.subject}</span>: <span className="outcome">{r.outcome}</span>
      </summary>
      {r.terms.length ? (
        <table className="record-terms">
          <caption>Terms</caption>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Value</th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {r.terms.map((t, i) => (
              <tr key={`${t.name}-${i}`}>
                <th scope="row">{t.name}</th>
                <td>{number(t.value)}</td>
                <td>
                  <span className={`tag tag-${t.tag.toLowerCase().replace(/[^a-z]/g, "")}`}>{t.tag}</span> {t.source}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r.thresholdBp != null ? (
        <p className="roll" data-testid="roll">
          {r.roll != null ? (
            <>
              Roll <strong>{r.roll}</strong> against threshold <strong>{r.thresholdBp}</strong> (of 10000, a {bp(r.thresholdBp)} chance):{" "}
              {r.roll <= r.thresholdBp ? "the roll is at or under the threshold, so it happens." : "the roll is over the threshold, so it does not happen."}
            </>
          ) : (
            <>Value {bp(r.thresholdBp)} (no roll).</>
          )}
        </p>
      ) : null}
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
          <strong>Facilitator adjustment:</strong> {r.adjustment > 0 ? "+" : ""}
          {r.adjustment} logit — {r.adjustmentReason}
        </p>
      ) : null}
      <code className="record-id">{r.id}</code>
    </details>
  );
}

/** Results of every resolved turn, newest first, with each outcome's explanation. */
export function Results({ view }: { view: GameView }) {
  if (view.results.length === 0) return <p className="empty">No turn has been resolved yet.</p>;
  const turns = [...view.results].sort((a, b) => b.turn - a.turn);
  return (
    <div className="results" data-testid="results">
      {turns.map((t) => {
        const records = (view.records ?? []).filter((r) => r.turn === t.turn);
        return (
          <section key={t.turn} className="turn-result" aria-label={`Results of turn ${t.turn}`}>
            <h3>Turn {t.turn}</h3>
            <ul className="lines">
              {t.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            {records.length ? (
              <details className="explanations" open={t.turn === turns[0].turn}>
                <summary>How each outcome was decided ({records.length})</summary>
                {records.map((r) => (
                  <RecordCard key={r.id} record={r} />
                ))}
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

/** The latest score of each role; the view lists scores in turn order. */
function latestScores(scores: RoleScore[]): RoleScore[] {
  const byRole = new Map<Role, RoleScore>();
  for (const s of scores) byRole.set(s.role, s);
  return [...byRole.values()];
}

/** The score of each role the audience may see, and the lines that moved it in the latest turn. */
export function Scores({ view, only }: { view: GameView; only?: Role }) {
  const scores = latestScores(view.scores ?? []).filter((s) => !only || s.role === only);
  if (scores.length === 0)
    return <p className="empty">{view.results.length === 0 ? "Scores appear after the first resolution." : "Each role's score is private to its team until the facilitator reveals the records."}</p>;
  return (
    <div className="scores" data-testid="scores">
      {scores.map((s) => (
        <section key={s.role} aria-label={`Score of ${ROLE_NAMES[s.role]}`}>
          <h3>
            {ROLE_NAMES[s.role]}: <span className="score-total">{number(s.total)}</span>{" "}
            <small>
              ({s.turn >= 0 ? "+" : ""}
              {number(s.turn)} last turn)
            </small>
          </h3>
          <ul>
            {s.lines.map((l, i) => (
              <li key={i}>
                <span className={l.points >= 0 ? "up" : "down"}>
                  {l.points >= 0 ? "+" : ""}
                  {number(l.points)}
                </span>{" "}
                {l.objective} <small>— {l.because}</small>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The rules table: every constant the engine used, tagged [LIT] or [DESIGN] with its source, for the debrief. */
export function RulesTable({ view }: { view: GameView }) {
  const rules = view.ruleConstants ?? [];
  if (rules.length === 0) return null;
  return (
    <details className="rules">
      <summary>Rules table: every constant and its source ({rules.length})</summary>
      <table className="record-terms">
        <thead>
          <tr>
            <th scope="col">Constant</th>
            <th scope="col">Value</th>
            <th scope="col">Basis</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.key}>
              <th scope="row" title={r.key}>
                {r.description}
              </th>
              <td>{number(r.value)}</td>
              <td>
                <span className={`tag tag-${r.tag.toLowerCase().replace(/[^a-z]/g, "")}`}>{r.tag}</span> {r.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
