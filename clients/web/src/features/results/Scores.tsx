import type { GameView, Role, RoleScore } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { number } from "../../ui/format";

/** The latest score of each role; the view lists scores in turn order. */
export function latestScores(scores: readonly RoleScore[]): RoleScore[] {
  const byRole = new Map<Role, RoleScore>();
  for (const s of scores) byRole.set(s.role, s);
  return [...byRole.values()];
}

/** The score of each role the audience may see (only <only>'s if given), and the lines that moved it in the latest turn. */
export function Scores({ view, only }: { view: GameView; only?: Role }) {
  const scores = latestScores(view.scores).filter((s) => !only || s.role === only);
  if (scores.length === 0)
    return (
      <p className="empty">
        {view.results.length === 0
          ? "Scores appear after the first resolution."
          : "Each role's score is private to its team until the facilitator reveals the records."}
      </p>
    );
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
                <span className={l.points >= 0 ? "up" : "down"}>{(l.points >= 0 ? "+" : "") + number(l.points)}</span> {l.objective}{" "}
                <small>— {l.because}</small>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
