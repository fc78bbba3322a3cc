import type { MessageView, Role } from "../../api/types";
import { byTableOrder, ROLES, ROLE_NAMES } from "../../api/types";

export interface Channel {
  key: string;
  /** Roles other than the viewer; empty for the public channel. */
  members: Role[];
  label: string;
  messages: MessageView[];
  unread: number;
}

export const PUBLIC = "public";

/** A private channel's key: its members in table order, joined by dashes ("UA-US"). */
export function channelKey(members: Iterable<Role>): string {
  return [...new Set(members)].sort(byTableOrder).join("-");
}

function channelKeyOf(m: MessageView): string {
  if (m.to.length === 0) return PUBLIC;
  return channelKey(m.from ? [...m.to, m.from] : m.to);
}

function labelOf(members: Role[]) {
  return members.length === 0 ? "Public" : members.map((r) => ROLE_NAMES[r]).join(", ");
}

/**
 * The viewer's channels: public, one with each other role, the group channels it opened (<extra>) and every channel
 * a message was posted in. Unread counts messages after the last one read, other than the viewer's own.
 */
export function buildChannels(
  messages: readonly MessageView[],
  me: Role | null,
  extra: readonly string[],
  lastRead: Record<string, number>,
): Channel[] {
  const byKey = new Map<string, MessageView[]>();
  const add = (key: string) => {
    if (!byKey.has(key)) byKey.set(key, []);
    return byKey.get(key)!;
  };
  add(PUBLIC);
  if (me) for (const r of ROLES) if (r !== me) add(channelKey([me, r]));
  for (const key of extra) add(key);
  for (const m of messages) add(channelKeyOf(m)).push(m);
  return [...byKey.entries()].map(([key, list]) => {
    const members = key === PUBLIC ? [] : (key.split("-") as Role[]).filter((r) => r !== me);
    const read = lastRead[key] ?? 0;
    return {
      key,
      members,
      label: labelOf(members),
      messages: list,
      unread: list.filter((m) => m.id > read && (m.from !== me || me === null)).length,
    };
  });
}
