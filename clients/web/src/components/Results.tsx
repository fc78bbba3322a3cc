import type { GameView, ResolutionRecord, Role, ScoreView } from "../api/types";
import { ROLE_NAMES } from "../api/types";
import { humanize } from "./ui";

const KNOWN = new Set(["id", "turn", "kind", "title", "summary", "terms", "probability", "threshold", "roll", "outcome", "precedent", "counterfactual", "adjustment"]);

function percent(v: number) {
  return v <= 1 ? `${(v * 100).toFixed(1)}%` : String(v);
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(3);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Every records of a turn, from the turn result or from the view's flat list. */
export function recordsOf(view: GameView, turn: number): ResolutionRecord[] {
  const inResult = view.results.find((r) => r.turn === turn)?.records ?? [];
  const flat = (view.records ?? []).filter((r) => r.turn === turn);
  const seen = new Set(inResult.map((r) => r.id));
  return [...inResult, ...flat.filter((r) => !seen.has(r.id))];
}

/** One adjudicated outcome: its terms with tags and sources, the roll against the threshold, precedent and counterfactual. */
export function RecordCard({ record: r }: { record: ResolutionRecord }) {
  const extras = Object.entries(r).filter(([k, v]) => !KNOWN.has(k) && v !== null && v !== undefined);
  return (
    <article className="record" data-record-id={r.id} aria-label={r.title ?? r.kind ?? r.id}>
      <header>
        <strong>{r.title ?? humanize(r.kind ?? "Outcome")}</strong>
        {r.outcome ? <span className="outcome">{humanize(r.outcome)}</span> : null}
        <code className="record-id">{r.id}</code>
      </header>
      {r.summary ? <p>{r.summary}</p> : null}
      {r.terms?.length ? (
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
                <td>{show(t.value)}</td>
                <td>
                  {t.tag ? <span className={`tag tag-${t.tag.toLowerCase().replace(/[^a-z]/g, "")}`}>{t.tag}</span> : null} {t.source ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r.roll != null || r.threshold != null || r.probability != null ? (
        <p className="roll">
          {r.probability != null ? <>Probability {percent(r.probability)}. </> : null}
          {r.roll != null ? <>Roll {show(r.roll)}</> : null}
          {r.threshold != null ? <> against threshold {show(r.threshold)}</> : null}
          {r.roll != null && r.threshold != null ? <> → {r.roll < r.threshold ? "under the threshold" : "at or over the threshold"}</> : null}
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
      {r.adjustment ? (
        <p className="adjustment">
          <strong>Facilitator adjustment:</strong> {r.adjustment.logit > 0 ? "+" : ""}
          {r.adjustment.logit} logit — {r.adjustment.reason}
        </p>
      ) : null}
      {extras.length ? (
        <dl className="extras">
          {extras.map(([k, v]) => (
            <div key={k}>
              <dt>{humanize(k)}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </article>
  );
}

/** Results of every resolved turn, newest first, with each outcome's explanation. */
export function Results({ view }: { view: GameView }) {
  if (view.results.length === 0) return <p className="empty">No turn has been resolved yet.</p>;
  const turns = [...view.results].sort((a, b) => b.turn - a.turn);
  return (
    <div className="results" data-testid="results">
      {turns.map((t) => (
        <section key={t.turn} className="turn-result" aria-label={`Results of turn ${t.turn}`}>
          <h3>Turn {t.turn}</h3>
          <ul className="lines">
            {t.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {recordsOf(view, t.turn).map((r) => (
            <RecordCard key={r.id} record={r} />
          ))}
        </section>
      ))}
    </div>
  );
}

function latestScores(scores: ScoreView[]): ScoreView[] {
  const byRole = new Map<Role, ScoreView>();
  for (const s of scores) {
    const current = byRole.get(s.role);
    if (!current || (s.turn ?? 0) >= (current.turn ?? 0)) byRole.set(s.role, s);
  }
  return [...byRole.values()];
}

/** The score of each role the audience may see, and the lines that moved it. */
export function Scores({ view, only }: { view: GameView; only?: Role }) {
  const scores = latestScores(view.scores ?? []).filter((s) => !only || s.role === only);
  if (scores.length === 0) return <p className="empty">Scores appear after the first resolution.</p>;
  return (
    <div className="scores" data-testid="scores">
      {scores.map((s) => (
        <section key={s.role} aria-label={`Score of ${ROLE_NAMES[s.role]}`}>
          <h3>
            {ROLE_NAMES[s.role]}: <span className="score-total">{show(s.total)}</span>
          </h3>
          {s.lines?.length ? (
            <ul>
              {s.lines.map((l, i) => {
                const delta = l.delta ?? l.points;
                return (
                  <li key={i}>
                    {delta != null ? <span className={delta >= 0 ? "up" : "down"}>{delta >= 0 ? "+" : ""}{show(delta)}</span> : null} {l.label ?? l.objective ?? ""}
                    {l.mechanics ? <small> — {Array.isArray(l.mechanics) ? l.mechanics.join(", ") : l.mechanics}</small> : null}
                    {l.reason ? <small> — {l.reason}</small> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
