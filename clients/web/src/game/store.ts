import type { GameView, JoinResult, SeatView, ViewDelta } from "../api/types";

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
  | { type: "delta"; delta: ViewDelta }
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
    case "delta": {
      const outcome = applyDelta(state.view, action.delta);
      return outcome.kind === "applied" ? { ...state, view: outcome.view } : state;
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

/** What a delta does to the view held: makes the next one, is already in it (stale), or cannot follow it (a gap). */
export type DeltaOutcome = { kind: "applied"; view: GameView } | { kind: "stale" } | { kind: "gap" };

// Sections that may be null in a view travel wrapped in a delta ({ value }), so "now null" differs from "unchanged".
const WRAPPED = new Set<string>(["deadline", "pausedRemainingSeconds", "russianOutlook", "russianBelief"]);
// Sections that travel as their changed parts, each part wrapped: { part: { value } }.
const IN_PARTS = new Set<string>(["map"]);
const HEADER = new Set<string>(["audience", "baseVersion", "version"]);

interface ListDelta {
  length: number;
  items: { index: number; item: unknown }[];
  removed?: number[] | null;
}

/**
 * Applies a delta the server pushed (docs/hub-protocol.md): it holds the view's changed sections, whole, for a
 * changed list the old items it drops, its new length and the items that differ, by index, and for the map its changed parts. It applies only to its audience's view at its
 * baseVersion; an older delta is dropped, and one from a later version than the view held is a gap, after which the
 * session asks for the whole view again. Before the first whole view there is nothing to apply to: dropped as stale.
 */
export function applyDelta(current: GameView | null, delta: ViewDelta): DeltaOutcome {
  if (!current) return { kind: "stale" };
  const sameAudience = current.audience.kind === delta.audience.kind && current.audience.role === delta.audience.role;
  if (!sameAudience || delta.version <= current.version) return { kind: "stale" };
  if (delta.baseVersion !== current.version) return { kind: "gap" };
  const next: Record<string, unknown> = { ...current, version: delta.version };
  for (const [name, value] of Object.entries(delta)) {
    if (HEADER.has(name) || value === undefined || value === null) continue;
    if (WRAPPED.has(name)) next[name] = (value as { value: unknown }).value;
    else if (IN_PARTS.has(name))
      next[name] = patchParts(next[name] as Record<string, unknown>, value as Record<string, { value: unknown }>);
    else if (Array.isArray(next[name]) && !Array.isArray(value)) next[name] = patchList(next[name] as unknown[], value as ListDelta);
    else next[name] = value;
  }
  return { kind: "applied", view: next as unknown as GameView };
}

function patchParts(section: Record<string, unknown>, parts: Record<string, { value: unknown }>): Record<string, unknown> {
  const patched = { ...section };
  for (const [part, changed] of Object.entries(parts)) patched[part] = changed.value;
  return patched;
}

function patchList(list: unknown[], delta: ListDelta): unknown[] {
  // Old items the list no longer holds (a message window that moved on) go first, by their index in the old list.
  const removed = new Set(delta.removed ?? []);
  const patched = list.filter((_, i) => !removed.has(i)).slice(0, delta.length);
  for (const { index, item } of delta.items) patched[index] = item;
  return patched;
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
