import { useEffect, useState } from "react";
import { api } from "../../api/rest";
import { storage } from "../../api/storage";
import type { ReplayFrame } from "../../api/types";
import { ErrorScreen, LoadingScreen } from "../../ui/Screens";
import { Section } from "../../ui/Section";
import { TopBar } from "../../ui/TopBar";
import { PhaseBar } from "../clock/PhaseBar";
import { GameTimeline } from "../debrief/GameTimeline";
import { MapsByTurn, TeamList } from "./DebriefReport";
import { FrameView } from "./FrameView";
import { ReplayControls } from "./ReplayControls";

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

  useEffect(() => {
    let current = true;
    api.replay(gameId, audience, version, facilitatorKey).then(
      (next) => {
        if (!current) return;
        setError(null);
        setFrame(next);
        if (next.version === next.latestVersion) setRevealedAtEnd(next.view.revealed);
      },
      (e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [gameId, audience, version, facilitatorKey]);

  if (!frame) return error ? <ErrorScreen title="Replay" message={error} /> : <LoadingScreen text="Loading the replay…" />;
  return (
    <div className="page replay" data-testid="debrief-report">
      <header className="print-only">
        <h1>Debrief report: {frame.view.scenario.title}</h1>
        <p>
          {frame.view.scenario.summary} Seen as: {audience === "facilitator" ? "the whole record" : audience}; turn {frame.view.turn} of{" "}
          {frame.view.scenario.turns}.
        </p>
      </header>
      <TopBar who={`Replay · ${frame.view.scenario.title}`}>
        <PhaseBar view={frame.view} />
      </TopBar>
      <ReplayControls
        gameId={gameId}
        frame={frame}
        audience={audience}
        facilitatorKey={facilitatorKey}
        canSeePrivate={!!facilitatorKey || revealedAtEnd}
        onVersion={setVersion}
        onAudience={setAudience}
      />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <Section
        title="Timeline"
        className="timeline-panel"
        actions={
          <button type="button" className="button secondary no-print" onClick={() => window.print()}>
            Print debrief report
          </button>
        }
      >
        <GameTimeline entries={frame.timeline} version={frame.version} onOpen={setVersion} />
      </Section>
      <FrameView view={frame.view} audience={audience} />
      <div className="columns debrief-report-extras">
        <Section title="Teams">
          <TeamList teams={frame.teams} />
        </Section>
      </div>
      <Section title="The map turn by turn" className="maps-panel">
        <MapsByTurn maps={frame.maps} />
      </Section>
    </div>
  );
}
