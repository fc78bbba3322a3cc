import { useMemo } from "react";
import { ROLE_NAMES } from "../../api/types";
import { CommandsContext, useGameSession } from "../../game/session";
import { ConnectionBanner, GameNotices } from "../../notifications/Notices";
import { ErrorScreen, LoadingScreen } from "../../ui/Screens";
import { TopBar } from "../../ui/TopBar";
import { PhaseBar } from "../clock/PhaseBar";
import { ObserverView } from "./ObserverView";
import { PlayerDashboard } from "./PlayerDashboard";

/** A seat's page: the player dashboard for a role, the observer view for an observer seat. */
export function GamePage({ gameId }: { gameId: string }) {
  const credentials = useMemo(() => ({ kind: "seat" as const, gameId }), [gameId]);
  const session = useGameSession(credentials);
  const { view, join, status, seatError, seats } = session;

  if (seatError && !view) return <ErrorScreen title="Cannot open this game" message={seatError} />;
  if (!view || !join) return <LoadingScreen text="Loading the game…" banner={<ConnectionBanner status={status} />} />;
  const role = join.audience.kind === "Role" ? join.audience.role : null;
  return (
    <CommandsContext value={session.commands}>
      <div className="page">
        <ConnectionBanner status={status} />
        <TopBar who={`${role ? ROLE_NAMES[role] : "Observer"} · ${join.displayName}`} whoTestId="seat-role">
          <PhaseBar view={view} />
        </TopBar>
        <GameNotices view={view} seatError={seatError} />
        {role ? <PlayerDashboard view={view} seats={seats} role={role} gameId={gameId} /> : <ObserverView view={view} seats={seats} />}
      </div>
    </CommandsContext>
  );
}
