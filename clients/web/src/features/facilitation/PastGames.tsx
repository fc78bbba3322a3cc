import { useEffect, useState } from "react";
import { api } from "../../api/rest";
import type { GameSummary, ScenarioSummary } from "../../api/types";
import { Section } from "../../ui/Section";
import { RecordTable } from "../../ui/RecordTable";

/** Every game created with this facilitator key, newest first: scenario, date, where it stands, and links. */
export function PastGames({ facilitatorKey, currentGameId }: { facilitatorKey: string; currentGameId: string }) {
  const [games, setGames] = useState<GameSummary[] | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([api.games(facilitatorKey), api.scenarios().catch((): ScenarioSummary[] => [])])
      .then(([list, scenarios]) => {
        if (!current) return;
        setGames([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
        setTitles(Object.fromEntries(scenarios.map((s) => [s.id, s.title])));
      })
      .catch((e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      current = false;
    };
  }, [facilitatorKey, currentGameId]);
  return (
    <Section title="Your games">
      {error ? <p className="alert">{error}</p> : null}
      {games === null && !error ? <p className="empty">Loading…</p> : null}
      {games ? (
        <RecordTable<GameSummary>
          className="past-games"
          rows={games}
          rowKey={(g) => g.gameId}
          columns={[
            { header: "Scenario", cell: (g) => titles[g.scenarioId] ?? g.scenarioId },
            { header: "Created", cell: (g) => new Date(g.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) },
            { header: "Where it stands", cell: (g) => (g.ended ? `Ended (turn ${g.turn})` : `Turn ${g.turn}, ${g.phase.toLowerCase()}`) },
            {
              header: "Open",
              cell: (g) =>
                g.gameId === currentGameId ? (
                  <span className="pill">this game</span>
                ) : (
                  <span className="row">
                    <a href={`#/facilitate/${g.gameId}`}>Console</a> <a href={`#/replay/${g.gameId}`}>Replay</a>
                  </span>
                ),
            },
          ]}
        />
      ) : null}
    </Section>
  );
}
