import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { storage } from "../api/storage";
import type { CommandResult, GameView, MessageView, Role } from "../api/types";
import { ROLE_NAMES, ROLES } from "../api/types";
import { ActionFeedback, useAction } from "./ui";

export interface Channel {
  key: string;
  /** Roles other than the viewer; empty for the public channel. */
  members: Role[];
  label: string;
  messages: MessageView[];
  unread: number;
}

export const PUBLIC = "public";

function channelKeyOf(m: MessageView): string {
  if (m.to.length === 0) return PUBLIC;
  const members = new Set<Role>(m.to);
  if (m.from) members.add(m.from);
  return [...members].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join("-");
}

function labelOf(members: Role[]) {
  return members.length === 0 ? "Public" : members.map((r) => ROLE_NAMES[r]).join(", ");
}

/** The viewer's channels (public, one with each other role, and any group channel in use) with unread counts. */
export function useChannels(gameId: string, view: GameView | null, me: Role | null, extra: string[]) {
  const [lastRead, setLastRead] = useState<Record<string, number>>(() => storage.lastRead(gameId));

  const channels = useMemo<Channel[]>(() => {
    const byKey = new Map<string, MessageView[]>();
    const add = (key: string) => {
      if (!byKey.has(key)) byKey.set(key, []);
    };
    add(PUBLIC);
    if (me) for (const r of ROLES) if (r !== me) add([me, r].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join("-"));
    for (const key of extra) add(key);
    for (const m of view?.messages ?? []) {
      const key = channelKeyOf(m);
      add(key);
      byKey.get(key)!.push(m);
    }
    return [...byKey.entries()].map(([key, messages]) => {
      const members = key === PUBLIC ? [] : (key.split("-") as Role[]).filter((r) => r !== me);
      const read = lastRead[key] ?? 0;
      return {
        key,
        members,
        label: labelOf(members),
        messages,
        unread: messages.filter((m) => m.id > read && (m.from !== me || me === null)).length,
      };
    });
  }, [view?.messages, me, extra, lastRead]);

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

interface ChannelsProps {
  gameId: string;
  me: Role | null;
  channels: Channel[];
  markRead: (key: string, upTo: number) => void;
  onNewChannel: (key: string) => void;
  send: (method: string, ...args: unknown[]) => Promise<CommandResult>;
  canPost: boolean;
}

/** Public and private channels. Drafts live per channel and outlive new messages, tab switches and reloads. */
export function Channels({ gameId, me, channels, markRead, onNewChannel, send, canPost }: ChannelsProps) {
  const [active, setActive] = useState(PUBLIC);
  const channel = channels.find((c) => c.key === active) ?? channels[0];
  const [draft, setDraft] = useState(() => storage.draft(gameId, active));
  const action = useAction();
  const listRef = useRef<HTMLOListElement>(null);
  const lastId = channel.messages.at(-1)?.id ?? 0;

  useEffect(() => {
    if (lastId) markRead(channel.key, lastId);
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [channel.key, lastId, markRead]);

  const select = (key: string) => {
    setActive(key);
    setDraft(storage.draft(gameId, key));
    action.clear();
  };

  const updateDraft = (text: string) => {
    setDraft(text);
    storage.saveDraft(gameId, channel.key, text);
  };

  const post = async () => {
    const ok = await action.run(() => send("PostMessage", { to: channel.members, text: draft }));
    if (ok) updateDraft("");
  };

  return (
    <div className="channels">
      <nav aria-label="Channels" className="channel-list">
        <ul>
          {channels.map((c) => (
            <li key={c.key}>
              <button className={c.key === channel.key ? "selected" : ""} aria-current={c.key === channel.key ? "true" : undefined} onClick={() => select(c.key)} data-channel={c.key}>
                {c.label}
                {c.unread > 0 && c.key !== channel.key ? (
                  <span className="badge" aria-label={`${c.unread} unread`}>
                    {c.unread}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        {me ? <NewGroup me={me} onCreate={(key) => (onNewChannel(key), select(key))} /> : null}
      </nav>
      <div className="channel">
        <h3>{channel.key === PUBLIC ? "Public statements (everyone reads these)" : `Private: you and ${channel.label}`}</h3>
        <ol className="messages" ref={listRef} aria-live="polite" aria-label={`Messages in ${channel.label}`}>
          {channel.messages.length === 0 ? <li className="empty">No messages yet.</li> : null}
          {channel.messages.map((m) => (
            <li key={m.id} className={m.from === me && me ? "mine" : ""}>
              <span className="who">{m.from ? ROLE_NAMES[m.from] : "Facilitator"}</span>
              <span className="when">turn {m.turn}</span>
              <p>{m.text}</p>
            </li>
          ))}
        </ol>
        {canPost ? (
          <form
            className="compose"
            onSubmit={(e) => {
              e.preventDefault();
              void post();
            }}
          >
            <label htmlFor={`draft-${channel.key}`}>{channel.key === PUBLIC ? "Public statement" : `Message to ${channel.label}`}</label>
            <textarea
              id={`draft-${channel.key}`}
              value={draft}
              rows={3}
              maxLength={4000}
              onChange={(e) => updateDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void post();
                }
              }}
            />
            <div className="row">
              <button type="submit" disabled={action.busy || draft.trim() === ""}>
                Send
              </button>
              <small className="hint">Ctrl+Enter sends</small>
            </div>
            <ActionFeedback error={action.error} />
          </form>
        ) : null}
      </div>
    </div>
  );
}

function NewGroup({ me, onCreate }: { me: Role; onCreate: (key: string) => void }) {
  const [picked, setPicked] = useState<Role[]>([]);
  const others = ROLES.filter((r) => r !== me);
  return (
    <fieldset className="new-group">
      <legend>New group channel</legend>
      {others.map((r) => (
        <label key={r} className="inline">
          <input type="checkbox" checked={picked.includes(r)} onChange={(e) => setPicked(e.target.checked ? [...picked, r] : picked.filter((p) => p !== r))} />
          {ROLE_NAMES[r]}
        </label>
      ))}
      <button
        type="button"
        disabled={picked.length < 2}
        onClick={() => {
          onCreate([me, ...picked].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join("-"));
          setPicked([]);
        }}
      >
        Open group
      </button>
    </fieldset>
  );
}
