import { useMemo } from "react";
import type { GameCommands } from "../../api/commands";
import type { GameView, JoinResult, SeatView } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { CommandsContext, useGameSession } from "../../game/session";
import type { ConnectionStatus } from "../../game/store";
import { Announcements, useAnnouncements } from "../../notifications/Announcements";
import { ConnectionBanner, GameNotices } from "../../notifications/Notices";
import { ErrorScreen, LoadingScreen } from "../../ui/Screens";
import { TopBar } from "../../ui/TopBar";
import { PhaseBar } from "../clock/PhaseBar";
import { FinalStandings } from "../results/FinalStandings";
import { ObserverView } from "./ObserverView";
import { PlayerDashboard } from "./PlayerDashboard";

/** A seat's page: the player dashboard for a role, the observer view for an observer seat. */
export function GamePage({ gameId }: { gameId: string }) {
  const credentials = useMemo(() => ({ kind: "seat" as const, gameId }), [gameId]);
  const session = useGameSession(credentials);
  const { view, join, status, seatError, seats } = session;

  if (seatError && !view) return <ErrorScreen title="Cannot open this game" message={seatError} />;
  if (!view || !join) return <LoadingScreen text="Loading the game…" banner={<ConnectionBanner status={status} />} />;
  return (
    <SeatPage view={view} join={join} status={status} seatError={seatError} seats={seats} gameId={gameId} commands={session.commands} />
  );
}

/** The page once the seat holds a view: the sticky header, announcements, notices and the dashboard. */
function SeatPage({
  view,
  join,
  status,
  seatError,
  seats,
  gameId,
  commands,
}: {
  view: GameView;
  join: JoinResult;
  status: ConnectionStatus;
  seatError: string | null;
  seats: SeatView[];
  gameId: string;
  commands: GameCommands;
}) {
  const role = join.audience.kind === "Role" ? join.audience.role : null;
  const news = useAnnouncements(view, role);
  return (
    <CommandsContext value={commands}>
      <div className="page">
        <ConnectionBanner status={status} />
        <TopBar who={`${role ? ROLE_NAMES[role] : "Observer"} · ${join.displayName}`} whoTestId="seat-role">
          <PhaseBar view={view} />
        </TopBar>
        <Announcements list={news} />
        <GameNotices view={view} seatError={seatError} />
        <FinalStandings view={view} />
        {role ? (
          <PlayerDashboard view={view} seats={seats} role={role} gameId={gameId} news={news.items} />
        ) : (
          <ObserverView view={view} seats={seats} />
        )}
      </div>
    </CommandsContext>
  );
}
