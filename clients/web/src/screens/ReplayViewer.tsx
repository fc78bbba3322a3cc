import { useCallback, useEffect, useMemo, useState } from "react";
import { api, type ReplayIndex } from "../api/rest";
import { storage } from "../api/storage";
import type { GameView } from "../api/types";
import { ROLE_NAMES, ROLES } from "../api/types";
import { MetricsCharts } from "../components/Charts";
import { AgreementsList, ProposalsInbox } from "../components/Proposals";
import { PrivateBriefing, PublicRecord } from "../components/Record";
import { Results, Scores } from "../components/Results";
import { PhaseBar } from "../components/StatusBar";
import { ActionFeedback, Section, useAction } from "../components/ui";
import { navigate } from "../router";

type Source = { gameId: string } | { replayId: string };

/**
 * Steps through a game phase by phase and turn by turn, as any audience saw it at the time.
 * The server computes each frame's view, so a role's frame holds only what that role knew.
 */
export function ReplayViewer({ gameId }: { gameId: string | null }) {
  const facilitatorKey = gameId ? storage.facilitator(gameId)?.facilitatorKey : undefined;
  const [index, setIndex] = useState<ReplayIndex | null>(null);
  const [source, setSource] = useState<Source | null>(gameId ? { gameId } : null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    setLoadError(null);
    if (gameId) {
      api
        .replay(gameId, facilitatorKey)
        .then((i) => (setIndex(i), setSource({ gameId })))
        .catch((e: Error) => setLoadError(e.message));
    } else {
      const saved = sessionStorage.getItem("wargame.import");
      if (!saved) {
        setLoadError("No saved-game file is open. Choose one on the start page.");
        return;
      }
      api
        .importReplay(JSON.parse(saved))
        .then((i) => {
          setIndex(i);
          if (i.replayId) setSource({ replayId: i.replayId });
        })
        .catch((e: Error) => setLoadError(`The file could not be replayed: ${e.message}`));
    }
  }, [gameId, facilitatorKey]);

  if (loadError)
    return (
      <main className="centered">
        <Section title="Replay">
          <p className="error" role="alert">
            {loadError}
          </p>
          <a href="#/">Back to the start page</a>
        </Section>
      </main>
    );
  if (!index || !source)
    return (
      <main className="centered">
        <p>Loading the replay…</p>
      </main>
    );
  return <Stepper index={index} source={source} facilitatorKey={facilitatorKey} />;
}

function Stepper({ index, source, facilitatorKey }: { index: ReplayIndex; source: Source; facilitatorKey: string | undefined }) {
  const steps = index.steps;
  const [at, setAt] = useState(steps.length - 1);
  const [audience, setAudience] = useState("Public");
  const [view, setView] = useState<GameView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fork = useAction();
  const exporting = useAction();
  const step = steps[Math.max(0, Math.min(at, steps.length - 1))];
  const canSeeAll = index.revealed || !!facilitatorKey;

  const load = useCallback(async () => {
    if (!step) return;
    setError(null);
    try {
      const v = "gameId" in source ? await api.replayView(source.gameId, step.version, audience, facilitatorKey) : await api.importedReplayView(source.replayId, step.version, audience);
      setView(v);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [source, step, audience, facilitatorKey]);

  useEffect(() => {
    void load();
  }, [load]);

  const turns = useMemo(() => [...new Set(steps.map((s) => s.turn))], [steps]);
  const jumpTurn = (delta: number) => {
    const target = turns[turns.indexOf(step.turn) + delta];
    if (target === undefined) return;
    const i = delta > 0 ? steps.findIndex((s) => s.turn === target) : steps.findIndex((s) => s.turn === target);
    if (i >= 0) setAt(i);
  };

  const audiences = ["Public", ...ROLES, ...(canSeeAll ? ["Everything"] : [])];
  const audienceName = (a: string) => (a === "Public" ? "Public" : a === "Everything" ? "Everything (revealed)" : ROLE_NAMES[a as keyof typeof ROLE_NAMES]);

  return (
    <div className="page replay">
      <header className="topbar">
        <a href="#/" className="home" aria-label="Start page">
          Wargame
        </a>
        <span className="who">Replay · {index.scenario?.title ?? view?.scenario.title ?? ""}</span>
        {view ? <PhaseBar view={view} /> : null}
      </header>
      <section className="panel replay-controls" aria-label="Replay controls">
        <div className="row">
          <button onClick={() => jumpTurn(-1)} disabled={turns.indexOf(step.turn) <= 0} aria-label="Previous turn">
            ⏮ Turn
          </button>
          <button onClick={() => setAt(Math.max(0, at - 1))} disabled={at <= 0} aria-label="Previous phase">
            ◀ Phase
          </button>
          <span className="step" data-testid="replay-step" aria-live="polite">
            Step {at + 1} of {steps.length}: turn {step.turn}, {step.phase}
            {step.label ? ` — ${step.label}` : ""}
          </span>
          <button onClick={() => setAt(Math.min(steps.length - 1, at + 1))} disabled={at >= steps.length - 1} aria-label="Next phase">
            Phase ▶
          </button>
          <button onClick={() => jumpTurn(1)} disabled={turns.indexOf(step.turn) >= turns.length - 1} aria-label="Next turn">
            Turn ⏭
          </button>
        </div>
        <label htmlFor="replay-slider">Position</label>
        <input id="replay-slider" type="range" min={0} max={steps.length - 1} value={at} onChange={(e) => setAt(Number(e.target.value))} />
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
                const game = await api.fork("gameId" in source ? { gameId: source.gameId } : { replayId: source.replayId }, step.version, facilitatorKey);
                storage.saveFacilitator(game);
                storage.remember({ gameId: game.gameId, title: `Fork of ${index.scenario?.title ?? "a game"}`, as: "Facilitator", href: `#/facilitate/${game.gameId}` });
                navigate(`/facilitate/${game.gameId}`);
              })
            }
            disabled={fork.busy}
          >
            Fork a new game from here
          </button>
          {"gameId" in source && facilitatorKey ? (
            <button
              className="secondary"
              onClick={() =>
                void exporting.run(async () => {
                  const saved = await api.exportGame(source.gameId, facilitatorKey);
                  const a = document.createElement("a");
                  a.href = URL.createObjectURL(new Blob([JSON.stringify(saved, null, 2)], { type: "application/json" }));
                  a.download = `wargame-${source.gameId}.json`;
                  a.click();
                  URL.revokeObjectURL(a.href);
                })
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
      {view ? (
        <main className="dashboard" data-testid="replay-view" data-audience={audience}>
          <div className="columns">
            <Section title={audience === "Public" ? "Public record" : `What ${audienceName(audience)} knew`}>
              {view.privateRecords.map((r) => (
                <PrivateBriefing key={r.role} record={r} />
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
      ) : null}
    </div>
  );
}
