import type { CreatedGame, JoinResult } from "./types";

// What this browser remembers so that closing and reopening a tab resumes the seat.
// Seat tokens and facilitator keys are secrets of this browser only; they never go into URLs.

export interface RecentGame {
  gameId: string;
  title: string;
  as: string;
  href: string;
  at: number;
}

/** The part of the Web Storage API used here (localStorage in the browser). */
export type Backing = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const seatKey = (gameId: string) => `wargame.seat.${gameId}`;
const facilitatorKey = (gameId: string) => `wargame.facilitator.${gameId}`;
const draftKey = (gameId: string, channel: string) => `wargame.draft.${gameId}.${channel}`;
const readKey = (gameId: string) => `wargame.read.${gameId}`;
const proposalDraftKey = (gameId: string) => `wargame.proposal-draft.${gameId}`;
const recentKey = "wargame.recent";
const RECENT_KEPT = 8;

export function createStorage(backing: () => Backing, now: () => number = Date.now) {
  function read<T>(key: string): T | null {
    try {
      const text = backing().getItem(key);
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null;
    }
  }
  const write = (key: string, value: unknown) => backing().setItem(key, JSON.stringify(value));

  const store = {
    seat: (gameId: string) => read<JoinResult>(seatKey(gameId)),
    saveSeat: (join: JoinResult) => write(seatKey(join.gameId), join),
    forgetSeat: (gameId: string) => backing().removeItem(seatKey(gameId)),

    facilitator: (gameId: string) => read<CreatedGame>(facilitatorKey(gameId)),
    saveFacilitator: (game: CreatedGame) => write(facilitatorKey(game.gameId), game),

    /** The newest first, one entry per page. */
    recent: () => read<RecentGame[]>(recentKey) ?? [],
    remember: (game: Omit<RecentGame, "at">) => {
      const others = store.recent().filter((g) => g.href !== game.href);
      write(recentKey, [{ ...game, at: now() }, ...others].slice(0, RECENT_KEPT));
    },

    /** Per-channel message drafts, so a half-typed message survives new messages and reloads. */
    draft: (gameId: string, channel: string) => backing().getItem(draftKey(gameId, channel)) ?? "",
    saveDraft: (gameId: string, channel: string, text: string) => {
      if (text) backing().setItem(draftKey(gameId, channel), text);
      else backing().removeItem(draftKey(gameId, channel));
    },

    /** The half-built proposal of this game's builder (any JSON shape the builder keeps), null when none. */
    proposalDraft: <T>(gameId: string) => read<T>(proposalDraftKey(gameId)),
    saveProposalDraft: (gameId: string, draft: unknown) => write(proposalDraftKey(gameId), draft),
    forgetProposalDraft: (gameId: string) => backing().removeItem(proposalDraftKey(gameId)),

    /** The last message id read per channel. */
    lastRead: (gameId: string) => read<Record<string, number>>(readKey(gameId)) ?? {},
    saveLastRead: (gameId: string, value: Record<string, number>) => write(readKey(gameId), value),
  };
  return store;
}

export const storage = createStorage(() => window.localStorage);
