import type { GameView } from "../api/types";
import type { ConnectionStatus } from "../game/store";

// Everything a game page says above its dashboard, in one place: the connection, a lost seat, the end of the game,
// a pause. New kinds of notice (a facilitator's announcement, a deadline warning) belong here too.

/** Shown while the connection is down; it recovers by itself, so the user only needs to wait. */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  if (status === "connected" || status === "failed") return null;
  return (
    <div className="banner" role="status" aria-live="polite" data-testid="connection-banner">
      {status === "connecting" ? "Connecting to the game…" : "Connection lost. Reconnecting… your seat and your drafts are kept."}
    </div>
  );
}

/** The notices under the top bar, from the seat and the view. */
export function GameNotices({ view, seatError }: { view: GameView; seatError: string | null }) {
  return (
    <>
      {seatError ? (
        <p className="banner error-banner" role="alert" data-testid="seat-lost">
          {seatError} <a href="#/">Start page</a>
        </p>
      ) : null}
      {view.ended ? (
        <p className="ended-note" role="status" data-testid="game-ended">
          The game has ended.{view.revealed ? " Every private record is now revealed for the debrief." : ""}
        </p>
      ) : null}
      {view.paused ? (
        <p className="paused-note" role="status">
          The facilitator has paused the game.
        </p>
      ) : null}
    </>
  );
}
