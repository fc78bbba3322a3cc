import { useEffect, useState } from "react";
import type { GameView, Role } from "../api/types";
import { announcementsBetween, type Announcement } from "./announcements";

export interface NewsItem extends Announcement {
  id: number;
}

/** How many toasts stay on screen; older ones remain in the tab badges. */
const SHOWN = 3;

/** Toasts leave by themselves after this long, so they do not sit on the page's content all phase. */
const TOAST_MILLISECONDS = 20_000;

/**
 * Every announcement since the page opened, newest last. Compared while rendering (React's "adjusting state when a
 * prop changes"), so a view that arrives is announced in the same render that shows it; the first view is not news.
 */
export function useAnnouncements(view: GameView, me: Role | null) {
  const [previous, setPrevious] = useState(view);
  const [items, setItems] = useState<NewsItem[]>([]);
  const [latestFrom, setLatestFrom] = useState(1);
  const [dismissed, setDismissed] = useState(0);
  if (view !== previous) {
    setPrevious(view);
    const news = announcementsBetween(previous, view, me);
    if (news.length > 0) {
      const first = (items.at(-1)?.id ?? 0) + 1;
      setItems([...items, ...news.map((n, i) => ({ ...n, id: first + i }))]);
      setLatestFrom(first);
    }
  }
  const newest = items.at(-1)?.id ?? 0;
  useEffect(() => {
    if (newest === 0) return;
    const timer = window.setTimeout(() => setDismissed((d) => Math.max(d, newest)), TOAST_MILLISECONDS);
    return () => window.clearTimeout(timer);
  }, [newest]);
  return {
    items,
    /** The announcements the last view brought. */
    latest: items.filter((n) => n.id >= latestFrom),
    dismissed,
    dismissAll: () => setDismissed(newest),
  };
}

export type AnnouncementList = ReturnType<typeof useAnnouncements>;

/**
 * The visible toasts and the live region that reads them out. The live region holds only what the last view brought,
 * so a screen reader says each announcement once; the toasts stay until dismissed.
 */
export function Announcements({ list }: { list: AnnouncementList }) {
  // A phase announcement supersedes the earlier ones: only the newest phase stays on screen.
  const lastPhase = Math.max(0, ...list.items.filter((n) => n.kind === "phase" || n.kind === "end").map((n) => n.id));
  const shown = list.items
    .filter((n) => n.id > list.dismissed && ((n.kind !== "phase" && n.kind !== "end") || n.id === lastPhase))
    .slice(-SHOWN);
  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {list.latest.map((n) => n.text).join(" ")}
      </div>
      {shown.length > 0 ? (
        <aside className="toasts" aria-label="Announcements" data-testid="toasts">
          {shown.map((n) => (
            <p key={n.id} className={`toast toast-${n.kind}`} data-kind={n.kind}>
              {n.text}
            </p>
          ))}
          <button className="small secondary" onClick={list.dismissAll}>
            Dismiss
          </button>
        </aside>
      ) : null}
    </>
  );
}
