import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import {
  createConnection,
  gameCommands,
  HubError,
  hubError,
  onMessage,
  seatCommands,
  type GameCommands,
  type HubLink,
} from "../api/commands";
import { storage } from "../api/storage";
import type { JoinResult } from "../api/types";
import { applyDelta, createGameStore, type GameState } from "./store";

export type Credentials = { kind: "seat"; gameId: string } | { kind: "facilitator"; gameId: string; facilitatorKey: string };

export interface GameSession extends GameState {
  commands: GameCommands;
}

/** Joins with a code on a short-lived connection and remembers the seat; the game page resumes it. */
export async function joinWithCode(code: string, displayName: string): Promise<JoinResult> {
  const connection = createConnection();
  try {
    await connection.start().catch(() => {
      throw new HubError("unreachable", "The server cannot be reached. Check the connection and try again.");
    });
    const join = await seatCommands(connection).joinWithCode(code.trim(), displayName.trim());
    storage.saveSeat(join);
    return join;
  } finally {
    // The game page resumes the seat on its own connection; closing this one need not delay it.
    void connection.stop().catch(() => undefined);
  }
}

/**
 * One hub connection for a game page: joins (or resumes) the seat, feeds View and Seats pushes into the page's game
 * store, and after any reconnect resumes the seat again with its token, since a new connection holds no seat.
 */
export function useGameSession(credentials: Credentials): GameSession {
  const [store] = useState(createGameStore);
  const connection = useRef<HubLink | null>(null);
  const { gameId } = credentials;
  const key = credentials.kind === "facilitator" ? credentials.facilitatorKey : "";
  const kind = credentials.kind;

  useEffect(() => {
    let disposed = false;
    let restartTimer: number | undefined;
    const link = createConnection();
    const seats = seatCommands(link);
    connection.current = link;

    onMessage(link, "View", ({ gameId: from, view }) => {
      if (from === gameId) store.dispatch({ type: "view", view });
    });
    onMessage(link, "Update", ({ gameId: from, delta }) => {
      if (from !== gameId) return;
      // A delta that does not follow the view held (a push was lost): ask for the whole view, which arrives as View.
      if (applyDelta(store.getState().view, delta).kind === "gap") void seats.resync().catch(() => undefined);
      else store.dispatch({ type: "delta", delta });
    });
    onMessage(link, "Seats", ({ gameId: from, seats }) => {
      if (from === gameId) store.dispatch({ type: "seats", seats });
    });

    const takeSeat = async () => {
      const saved = storage.seat(gameId);
      let join: JoinResult;
      if (kind === "facilitator") join = await seats.joinAsFacilitator(gameId, key);
      else if (saved) join = await seats.resume(saved.seatToken);
      else throw new HubError("no-seat", "This browser holds no seat in this game. Join with your code first.");
      if (kind === "seat") storage.saveSeat(join);
      store.dispatch({ type: "joined", join });
    };
    const seatFailed = (error: unknown) => store.dispatch({ type: "seat-lost", message: hubError(error).message });

    const start = async () => {
      if (disposed) return;
      if (store.getState().status === "connected") store.dispatch({ type: "status", status: "reconnecting" });
      try {
        await link.start();
      } catch {
        // Server unreachable: keep trying until the page is closed.
        store.dispatch({ type: "status", status: "reconnecting" });
        restartTimer = window.setTimeout(() => void start(), 2000);
        return;
      }
      await takeSeat().catch(seatFailed);
    };

    link.onreconnecting(() => store.dispatch({ type: "status", status: "reconnecting" }));
    link.onreconnected(() => void takeSeat().catch(seatFailed));
    link.onclose(() => {
      if (disposed) return;
      store.dispatch({ type: "status", status: "reconnecting" });
      restartTimer = window.setTimeout(() => void start(), 1000);
    });

    void start();
    return () => {
      disposed = true;
      window.clearTimeout(restartTimer);
      void link.stop();
    };
  }, [gameId, key, kind, store]);

  const commands = useMemo(
    () =>
      gameCommands(
        // eslint-disable-next-line react-hooks/refs -- read when a command is sent, never while rendering
        () => connection.current,
        (result) => {
          // The facilitator released this seat: say so once, above everything, and forget the dead token.
          if (result.accepted || result.code !== "seat-released") return;
          store.dispatch({ type: "seat-lost", message: result.message ?? "The facilitator released your seat; join again with a code." });
          if (kind === "seat") storage.forgetSeat(gameId);
        },
      ),
    [store, kind, gameId],
  );

  const state = useSyncExternalStore(store.subscribe, store.getState);
  return { ...state, commands };
}

/** The commands of the page's seat, for any control below it; outside a game page (a replay) every command is refused. */
export const CommandsContext = createContext<GameCommands>(gameCommands(() => null));

export const useCommands = () => useContext(CommandsContext);
