import type { GameView, JoinResult, SeatView } from "../api/types";

// The client's game state: one store per game page, fed by the session (pushes, joins, connection changes) and
// read by every screen. Whatever arrives from the server goes through reduce(), so a new kind of push (a delta of
// the view, an announcement) is one more action here, not a change in the screens.

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "failed";

export interface GameState {
  status: ConnectionStatus;
  /** The seat this page holds, once joined. */
  join: JoinResult | null;
  view: GameView | null;
  seats: SeatView[];
  /** Why the page holds no seat (a bad token, an unknown game, a released seat); the page offers to go back. */
  seatError: string | null;
}

export type GameAction =
  | { type: "view"; view: GameView }
  | { type: "seats"; seats: SeatView[] }
  | { type: "status"; status: ConnectionStatus }
  | { type: "joined"; join: JoinResult }
  | { type: "seat-lost"; message: string };

export const initialState: GameState = { status: "connecting", join: null, view: null, seats: [], seatError: null };

export function reduce(state: GameState, action: GameAction): GameState {
  switch (action.type) {
    case "view": {
      const view = mergeView(state.view, action.view);
      return view === state.view ? state : { ...state, view };
    }
    case "seats":
      return { ...state, seats: action.seats };
    case "status":
      return state.status === action.status ? state : { ...state, status: action.status };
    case "joined":
      return { ...state, join: action.join, seatError: null, status: "connected" };
    case "seat-lost":
      return { ...state, seatError: action.message, status: "failed" };
  }
}

/**
 * The view to show after <next> arrives. Views can overtake each other after a reconnect: an older view of the same
 * audience is dropped. A view of another audience (the seat changed) always replaces the current one.
 */
export function mergeView(current: GameView | null, next: GameView): GameView {
  if (!current) return next;
  const sameAudience = current.audience.kind === next.audience.kind && current.audience.role === next.audience.role;
  return sameAudience && current.version > next.version ? current : next;
}

export interface GameStore {
  getState: () => GameState;
  subscribe: (listener: () => void) => () => void;
  dispatch: (action: GameAction) => void;
}

export function createGameStore(): GameStore {
  let state = initialState;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (action) => {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
  };
}
