import type { CreatedGame, JoinResult } from "./types";

// What this browser remembers so that closing and reopening a tab resumes the seat.
// Seat tokens and facilitator keys are secrets of this browser only; they never go into URLs.

const seatKey = (gameId: string) => `wargame.seat.${gameId}`;
const facilitatorKey = (gameId: string) => `wargame.facilitator.${gameId}`;
const recentKey = "wargame.recent";

export interface RecentGame {
  gameId: string;
  title: string;
  as: string;
  href: string;
  at: number;
}

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export const storage = {
  seat: (gameId: string) => read<JoinResult>(seatKey(gameId)),
  saveSeat: (join: JoinResult) => localStorage.setItem(seatKey(join.gameId), JSON.stringify(join)),
  forgetSeat: (gameId: string) => localStorage.removeItem(seatKey(gameId)),

  facilitator: (gameId: string) => read<CreatedGame>(facilitatorKey(gameId)),
  saveFacilitator: (game: CreatedGame) => localStorage.setItem(facilitatorKey(game.gameId), JSON.stringify(game)),

  recent: () => read<RecentGame[]>(recentKey) ?? [],
  remember: (game: Omit<RecentGame, "at">) => {
    const others = storage.recent().filter((g) => g.href !== game.href);
    localStorage.setItem(recentKey, JSON.stringify([{ ...game, at: Date.now() }, ...others].slice(0, 8)));
  },

  /** Per-channel message drafts, so a half-typed message survives new messages and reloads. */
  draft: (gameId: string, channel: string) => localStorage.getItem(`wargame.draft.${gameId}.${channel}`) ?? "",
  saveDraft: (gameId: string, channel: string, text: string) => {
    const key = `wargame.draft.${gameId}.${channel}`;
    if (text) localStorage.setItem(key, text);
    else localStorage.removeItem(key);
  },

  lastRead: (gameId: string) => read<Record<string, number>>(`wargame.read.${gameId}`) ?? {},
  saveLastRead: (gameId: string, value: Record<string, number>) =>
    localStorage.setItem(`wargame.read.${gameId}`, JSON.stringify(value)),
};
