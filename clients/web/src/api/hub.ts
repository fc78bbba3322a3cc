import * as signalR from "@microsoft/signalr";
import { useCallback, useEffect, useRef, useState } from "react";
import { storage } from "./storage";
import type { CommandResult, GameView, JoinResult, SeatView } from "./types";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "failed";

/** Turns a hub exception into the sentence the server meant for the user. */
export function hubErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const marker = "HubException: ";
  const at = text.indexOf(marker);
  // The server words refusals as "stable-code: message for the user".
  if (at >= 0) return text.slice(at + marker.length).replace(/^[a-z][a-z0-9-]*: /, "");
  if (text.includes("An unexpected error occurred invoking"))
    return "The server could not do that. Try again, or ask the facilitator.";
  if (text.includes("connection is not in the 'Connected' State") || text.includes("Cannot send data"))
    return "Not connected to the server. Reconnecting; try again in a moment.";
  return text;
}

export function createConnection(): signalR.HubConnection {
  return new signalR.HubConnectionBuilder()
    .withUrl("/hubs/game")
    // Keep trying for as long as the page is open: a seminar room's Wi-Fi drops and comes back.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 + ctx.previousRetryCount * 1000, 5000) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}

/** Joins with a code on a short-lived connection and remembers the seat; the game page resumes it. */
export async function joinWithCode(code: string, displayName: string): Promise<JoinResult> {
  const connection = createConnection();
  try {
    await connection.start();
    const join = await connection.invoke<JoinResult>("JoinWithCode", code.trim(), displayName.trim());
    storage.saveSeat(join);
    return join;
  } finally {
    // The game page resumes the seat on its own connection; closing this one need not delay it.
    void connection.stop().catch(() => undefined);
  }
}

export type Credentials =
  | { kind: "seat"; gameId: string }
  | { kind: "facilitator"; gameId: string; facilitatorKey: string };

export interface GameSession {
  status: ConnectionStatus;
  join: JoinResult | null;
  view: GameView | null;
  seats: SeatView[];
  /** Why joining failed (a bad token, an unknown game); the page offers to go back. */
  joinError: string | null;
  /** Sends a command; resolves to the server's result (a refusal is a result, not an exception). */
  send: (method: string, ...args: unknown[]) => Promise<CommandResult>;
}

/**
 * One hub connection for a game page: joins (or resumes) the seat, follows View and Seats pushes,
 * and after any reconnect resumes the seat again with its token, since a new connection holds no seat.
 */
export function useGameSession(credentials: Credentials): GameSession {
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [join, setJoin] = useState<JoinResult | null>(null);
  const [view, setView] = useState<GameView | null>(null);
  const [seats, setSeats] = useState<SeatView[]>([]);
  const [joinError, setJoinError] = useState<string | null>(null);
  const connectionRef = useRef<signalR.HubConnection | null>(null);
  const { gameId } = credentials;
  const key = credentials.kind === "facilitator" ? credentials.facilitatorKey : "";

  useEffect(() => {
    let disposed = false;
    let restartTimer: number | undefined;
    const connection = createConnection();
    connectionRef.current = connection;

    connection.on("View", (viewGameId: string, next: GameView) => {
      if (viewGameId !== gameId) return;
      // Views can overtake each other after a reconnect; keep the newest.
      setView((current) => (current && current.version > next.version && sameAudience(current, next) ? current : next));
    });
    connection.on("Seats", (seatsGameId: string, next: SeatView[]) => {
      if (seatsGameId === gameId) setSeats(next);
    });

    const takeSeat = async () => {
      let result: JoinResult;
      const saved = storage.seat(gameId);
      if (credentials.kind === "facilitator") {
        result = await connection.invoke<JoinResult>("JoinAsFacilitator", gameId, key);
      } else if (saved) {
        result = await connection.invoke<JoinResult>("Resume", saved.seatToken);
      } else {
        throw new Error("HubException: This browser holds no seat in this game. Join with your code first.");
      }
      if (credentials.kind === "seat") storage.saveSeat(result);
      setJoin(result);
      setJoinError(null);
      setStatus("connected");
    };

    const start = async () => {
      if (disposed) return;
      setStatus((s) => (s === "connected" ? "reconnecting" : s));
      try {
        await connection.start();
      } catch {
        // Server unreachable: keep trying until the page is closed.
        setStatus("reconnecting");
        restartTimer = window.setTimeout(start, 2000);
        return;
      }
      try {
        await takeSeat();
      } catch (error) {
        setJoinError(hubErrorMessage(error));
        setStatus("failed");
      }
    };

    connection.onreconnecting(() => setStatus("reconnecting"));
    connection.onreconnected(() => {
      takeSeat().catch((error) => {
        setJoinError(hubErrorMessage(error));
        setStatus("failed");
      });
    });
    connection.onclose(() => {
      if (disposed) return;
      setStatus("reconnecting");
      restartTimer = window.setTimeout(start, 1000);
    });

    void start();
    return () => {
      disposed = true;
      window.clearTimeout(restartTimer);
      void connection.stop();
    };
  }, [gameId, key, credentials.kind]);

  const send = useCallback(async (method: string, ...args: unknown[]): Promise<CommandResult> => {
    const connection = connectionRef.current;
    if (!connection || connection.state !== signalR.HubConnectionState.Connected)
      return { accepted: false, code: "not-connected", message: "Not connected to the server. Reconnecting; try again in a moment.", version: 0 };
    try {
      const result = await connection.invoke<CommandResult | null | undefined>(method, ...args);
      // The facilitator released this seat: say so once, above everything, and forget the dead token.
      if (result && !result.accepted && result.code === "seat-released") {
        setJoinError(result.message ?? "The facilitator released your seat; join again with a code.");
        setStatus("failed");
        if (credentials.kind === "seat") storage.forgetSeat(gameId);
      }
      return result ?? { accepted: true, code: null, message: null, version: 0 };
    } catch (error) {
      return { accepted: false, code: "error", message: hubErrorMessage(error), version: 0 };
    }
  }, [credentials.kind, gameId]);

  return { status, join, view, seats, joinError, send };
}

function sameAudience(a: GameView, b: GameView) {
  return a.audience.kind === b.audience.kind && a.audience.role === b.audience.role;
}
