import type { GameView, Role } from "../api/types";
import { ROLE_NAMES } from "../api/types";

// What changed between two views of the same seat, said in a sentence: the page shows it as a toast, reads it out
// through a live region and marks the tab that holds it. Pure, so the unit tests reach it without a browser.

/** The dashboard tab an announcement points to. */
export type NewsTab = "briefing" | "channels" | "proposals" | "orders" | "results";

export interface Announcement {
  kind: "phase" | "results" | "inject" | "proposal" | "facilitator" | "end";
  text: string;
  tab: NewsTab | null;
}

const PHASE_HINT: Record<string, string> = {
  Briefing: "Read your briefing.",
  Negotiation: "Talk and make proposals.",
  Orders: "Submit your orders.",
  Debrief: "The results are in.",
};

/** Announcements for <next> after <previous>, both of the viewer's audience (<me> is its role, null for observers). */
export function announcementsBetween(previous: GameView, next: GameView, me: Role | null): Announcement[] {
  const sameAudience = previous.audience.kind === next.audience.kind && previous.audience.role === next.audience.role;
  if (!sameAudience || next.version <= previous.version) return [];
  const news: Announcement[] = [];

  if (next.ended && !previous.ended)
    news.push({ kind: "end", text: "The game has ended. The final standings are at the top of the page.", tab: "results" });
  else if (next.turn !== previous.turn || next.phase !== previous.phase)
    news.push({
      kind: "phase",
      text: `Turn ${next.turn}: the ${next.phase.toLowerCase()} phase has begun. ${PHASE_HINT[next.phase] ?? ""}`.trim(),
      tab: next.phase === "Orders" ? "orders" : null,
    });

  const resolved = next.results.filter((r) => !previous.results.some((p) => p.turn === r.turn));
  for (const r of resolved) news.push({ kind: "results", text: `Results of turn ${r.turn} are in.`, tab: "results" });

  for (const inject of next.injects.slice(previous.injects.length))
    news.push({ kind: "inject", text: `Event: ${inject.title}`, tab: "briefing" });

  const known = new Set(previous.proposals.map((p) => p.id));
  for (const p of next.proposals)
    if (!known.has(p.id) && me && p.proposer !== me && p.parties.includes(me) && p.status === "Proposed")
      news.push({
        kind: "proposal",
        text: `${ROLE_NAMES[p.proposer]} ${p.counterOf != null ? "counters with" : "proposes"} a ${p.kind.toLowerCase()}: answer it on the Proposals tab.`,
        tab: "proposals",
      });

  const lastMessage = Math.max(0, ...previous.messages.map((m) => m.id));
  for (const m of next.messages)
    if (m.id > lastMessage && m.from === null)
      news.push({ kind: "facilitator", text: `The facilitator says: ${clip(m.text)}`, tab: "channels" });

  return news;
}

function clip(text: string, length = 140) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
