import type { GameView, RuleConstant } from "../../api/types";
import { number } from "../../ui/format";
import { RecordTable } from "../../ui/RecordTable";
import { Section } from "../../ui/Section";
import { Basis, RecordCard } from "./RecordCard";

/** The results column of every screen: each resolved turn with its explanations, and the rules table. */
export function ResultsSection({ view }: { view: GameView }) {
  return (
    <Section title="Results">
      <Results view={view} />
      <RulesTable view={view} />
    </Section>
  );
}

/** Results of every resolved turn, newest first, with each outcome's explanation. */
export function Results({ view }: { view: GameView }) {
  if (view.results.length === 0) return <p className="empty">No turn has been resolved yet.</p>;
  const turns = [...view.results].sort((a, b) => b.turn - a.turn);
  return (
    <div className="results" data-testid="results">
      {turns.map((t) => {
        const records = view.records.filter((r) => r.turn === t.turn);
        const cards = view.injects.filter((i) => i.turn === t.turn);
        return (
          <section key={t.turn} className="turn-result" aria-label={`Results of turn ${t.turn}`}>
            <h3>Turn {t.turn}</h3>
            <ul className="lines">
              {t.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            {cards.length ? (
              <ul className="turn-injects" aria-label={`Events of turn ${t.turn}`}>
                {cards.map((c, i) => (
                  <li key={i}>
                    <strong>
                      {c.cardId ? "Event card" : "Inject"}: {c.title}.
                    </strong>{" "}
                    {c.text}
                  </li>
                ))}
              </ul>
            ) : null}
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

/** The rules table: every constant the engine used, tagged [LIT] or [DESIGN] with its source, for the debrief. */
export function RulesTable({ view }: { view: GameView }) {
  const rules = view.ruleConstants;
  if (rules.length === 0) return null;
  return (
    <details className="rules">
      <summary>Rules table: every constant and its source ({rules.length})</summary>
      <RecordTable<RuleConstant>
        rows={rules}
        rowKey={(r) => r.key}
        columns={[
          { header: "Constant", cell: (r) => r.description, title: (r) => r.key },
          { header: "Value", cell: (r) => number(r.value) },
          { header: "Basis", cell: (r) => <Basis tag={r.tag} source={r.source} /> },
        ]}
      />
    </details>
  );
}
