import type { GameView } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { number } from "../../ui/format";
import { standingsOf, summaryOf } from "./standings";

/**
 * Shown on every page once the game has ended: the scores this page may see with what earned them, and a public
 * summary. Before the reveal a team sees only its own score; the facilitator and, after the reveal, everyone see all.
 */
export function FinalStandings({ view }: { view: GameView }) {
  if (!view.ended) return null;
  const standings = standingsOf(view.scores);
  return (
    <section className="panel final" aria-label="Final standings" data-testid="final-standings">
      <h2>Final standings</h2>
      {standings.length === 0 ? (
        <p className="empty">
          {view.results.length === 0
            ? "No turn was resolved, so nobody scored."
            : "Each team's score stays private until the facilitator reveals every record."}
        </p>
      ) : (
        <ol className="standings">
          {standings.map((s) => (
            <li key={s.role} data-role={s.role}>
              <strong>
                {ROLE_NAMES[s.role]}: {number(s.total)} {Math.abs(s.total) === 1 ? "point" : "points"}
              </strong>
              <ul>
                {s.reasons.map((r) => (
                  <li key={r.objective}>
                    <span className={r.points >= 0 ? "up" : "down"}>{(r.points >= 0 ? "+" : "") + number(r.points)}</span> {r.objective}{" "}
                    <small>— {r.because}</small>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {!view.revealed && view.audience.kind === "Role" ? (
        <p className="hint">Other teams' scores appear when the facilitator reveals every record.</p>
      ) : null}
      <h3>What happened</h3>
      <ul className="summary" data-testid="game-summary">
        {summaryOf(view).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
