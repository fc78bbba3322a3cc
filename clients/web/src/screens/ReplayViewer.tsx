import { useCallback, useEffect, useMemo, useState } from "react";
import { api, downloadSavedGame, type ReplayFrame } from "../api/rest";
import { storage } from "../api/storage";
import { ROLE_NAMES, ROLES } from "../api/types";
import { MetricsCharts } from "../components/Charts";
import { AgreementsList, ProposalsInbox } from "../components/Proposals";
import { PrivateBriefing, PublicRecord } from "../components/Record";
import { Results, Scores } from "../components/Results";
import { PhaseBar } from "../components/StatusBar";
import { ActionFeedback, Section, useAction } from "../components/ui";
import { navigate } from "../router";

/**
 * Steps through a game phase by phase and turn by turn, as any audience saw it at the time.
 * The server computes each frame's view, so a role's frame holds only what that role knew.
 */
export function ReplayViewer({ gameId }: { gameId: string | null }) {
  if (!gameId)
    return (
      <main className="centered">
        <Section title="Replay">
          <p>Open a saved-game file on the start page, or open the replay from a facilitator console.</p>
          <a href="#/">Back to the start page</a>
        </Section>
      </main>
    );
  return <Stepper gameId={gameId} facilitatorKey={storage.facilitator(gameId)?.facilitatorKey} />;
}

function Stepper({ gameId, facilitatorKey }: { gameId: string; facilitatorKey: string | undefined }) {
  const [frame, setFrame] = useState<ReplayFrame | null>(null);
  const [revealedAtEnd, setRevealedAtEnd] = useState(false);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [audience, setAudience] = useState("public");
  const [error, setError] = useState<string | null>(null);
  const fork = useAction();
  const exporting = useAction();

  const load = useCallback(async () => {
    setError(null);
    try {
      const next = await api.replay(gameId, audience, version, facilitatorKey);
      setFrame(next);
      if (next.version === next.latestVersion) setRevealedAtEnd(next.view.revealed);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [gameId, audience, version, facilitatorKey]);

  useEffect(() => {
    void load();
  }, [load]);

  const steps = frame?.steps ?? [];
  // The step the frame's version falls in: the last step that starts at or before it.
  const at = useMemo(() => {
    if (!frame) return 0;
    let i = 0;
    steps.forEach((s, n) => {
      if (s.version <= frame.version) i = n;
    });
    return i;
  }, [frame, steps]);
  const turns = useMemo(() => [...new Set(steps.map((s) => s.turn))], [steps]);

  if (!frame)
    return (
      <main className="centered">
        {error ? (
          <Section title="Replay">
            <p className="error" role="alert">
              {error}
            </p>
            <a href="#/">Back to the start page</a>
          </Section>
        ) : (
          <p>Loading the replay…</p>
        )}
      </main>
    );

  const view = frame.view;
  const step = steps[at];
  const goStep = (i: number) => setVersion(steps[Math.max(0, Math.min(steps.length - 1, i))].version);
  const goTurn = (delta: number) => {
    const target = turns[turns.indexOf(step.turn) + delta];
    if (target !== undefined) goStep(steps.findIndex((s) => s.turn === target));
  };
  const canSeePrivate = !!facilitatorKey || revealedAtEnd;
  const audiences = ["public", ...(canSeePrivate ? [...ROLES, "facilitator"] : [])];
  const audienceName = (a: string) => (a === "public" ? "Public" : a === "facilitator" ? "Everything" : ROLE_NAMES[a as keyof typeof ROLE_NAMES]);

  return (
    <div className="page replay">
      <header className="topbar">
        <a href="#/" className="home" aria-label="Start page">
          Wargame
        </a>
        <span className="who">Replay · {view.scenario.title}</span>
        <PhaseBar view={view} />
      </header>
      <section className="panel replay-controls" aria-label="Replay controls">
        <div className="row">
          <button onClick={() => goTurn(-1)} disabled={turns.indexOf(step.turn) <= 0} aria-label="Previous turn">
            ⏮ Turn
          </button>
          <button onClick={() => goStep(at - 1)} disabled={at <= 0} aria-label="Previous phase">
            ◀ Phase
          </button>
          <span className="step" data-testid="replay-step" aria-live="polite">
            Step {at + 1} of {steps.length}: turn {step.turn}, {step.phase.toLowerCase()}
            {view.ended ? " (game over)" : ""}
          </span>
          <button onClick={() => goStep(at + 1)} disabled={at >= steps.length - 1} aria-label="Next phase">
            Phase ▶
          </button>
          <button onClick={() => goTurn(1)} disabled={turns.indexOf(step.turn) >= turns.length - 1} aria-label="Next turn">
            Turn ⏭
          </button>
        </div>
        <label htmlFor="replay-slider">Position</label>
        <input id="replay-slider" type="range" min={0} max={steps.length - 1} value={at} onChange={(e) => goStep(Number(e.target.value))} />
        <fieldset className="audiences">
          <legend>See the game as</legend>
          {audiences.map((a) => (
            <label key={a} className="inline">
              <input type="radio" name="audience" value={a} checked={audience === a} onChange={() => setAudience(a)} /> {audienceName(a)}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <button
            onClick={() =>
              void fork.run(async () => {
                const game = await api.fork(gameId, step.turn, facilitatorKey);
                storage.saveFacilitator(game);
                storage.remember({ gameId: game.gameId, title: `Fork of ${view.scenario.title} at turn ${step.turn}`, as: "Facilitator", href: `#/facilitate/${game.gameId}` });
                navigate(`/facilitate/${game.gameId}`);
              })
            }
            disabled={fork.busy || (!facilitatorKey && !revealedAtEnd)}
          >
            Fork a new game from turn {step.turn}
          </button>
          {facilitatorKey ? (
            <button
              className="secondary"
              onClick={() =>
                void exporting.run(() => downloadSavedGame(gameId, facilitatorKey))
              }
            >
              Export saved game
            </button>
          ) : null}
        </div>
        <ActionFeedback error={fork.error ?? exporting.error} />
      </section>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {(
        <main className="dashboard" data-testid="replay-view" data-audience={audience}>
          <div className="columns">
            <Section title={audience === "public" ? "Public record" : `What ${audienceName(audience)} knew`}>
              {view.privateRecords.map((r) => (
                <PrivateBriefing key={r.role} record={r} view={view} />
              ))}
              <PublicRecord view={view} />
            </Section>
            <Section title="Messages seen">
              <ol className="messages">
                {view.messages.length === 0 ? <li className="empty">None.</li> : null}
                {view.messages.map((m) => (
                  <li key={m.id}>
                    <span className="who">{m.from ? ROLE_NAMES[m.from] : "Facilitator"}</span> → {m.to.length ? m.to.map((r) => ROLE_NAMES[r]).join(", ") : "everyone"} <span className="when">turn {m.turn}</span>
                    <p>{m.text}</p>
                  </li>
                ))}
              </ol>
              <h3>Proposals</h3>
              <ProposalsInbox proposals={view.proposals ?? []} me={null} send={async () => ({ accepted: false, code: "replay", message: "This is a replay.", version: 0 })} readOnly />
              <h3>Agreements</h3>
              <AgreementsList agreements={view.agreements ?? []} />
            </Section>
          </div>
          <div className="columns">
            <Section title="Results">
              <Results view={view} />
            </Section>
            <Section title="Scores and charts">
              <Scores view={view} />
              <MetricsCharts metrics={view.metrics} />
            </Section>
          </div>
        </main>
      )}
    </div>
  );
}
