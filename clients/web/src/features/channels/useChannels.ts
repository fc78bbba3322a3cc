import { useCallback, useMemo, useState } from "react";
import { storage } from "../../api/storage";
import type { GameView, Role } from "../../api/types";
import { buildChannels, type Channel } from "./channels";

/** The viewer's channels with unread counts; read marks live in this browser, so they outlive a reload. */
export function useChannels(gameId: string, view: GameView | null, me: Role | null, extra: string[]) {
  const [lastRead, setLastRead] = useState<Record<string, number>>(() => storage.lastRead(gameId));
  const messages = view?.messages;
  const channels = useMemo<Channel[]>(() => buildChannels(messages ?? [], me, extra, lastRead), [messages, me, extra, lastRead]);

  const markRead = useCallback(
    (key: string, upTo: number) => {
      setLastRead((current) => {
        if ((current[key] ?? 0) >= upTo) return current;
        const next = { ...current, [key]: upTo };
        storage.saveLastRead(gameId, next);
        return next;
      });
    },
    [gameId],
  );

  return { channels, markRead, totalUnread: channels.reduce((n, c) => n + c.unread, 0) };
}

export type ChannelList = ReturnType<typeof useChannels>;
