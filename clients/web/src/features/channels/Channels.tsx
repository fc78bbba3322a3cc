import { useEffect, useRef, useState } from "react";
import { hubError } from "../../api/commands";
import { storage } from "../../api/storage";
import type { MessageView, Role } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { useAction } from "../../ui/useAction";
import { PUBLIC } from "./channels";
import { NewGroup } from "./NewGroup";
import type { ChannelList } from "./useChannels";

interface ChannelsProps {
  gameId: string;
  /** A view holds each channel's latest this many messages; older ones are fetched on request. */
  pageSize: number;
  me: Role | null;
  list: ChannelList;
  onNewChannel: (key: string) => void;
  canPost: boolean;
  canOpenGroup: boolean;
  maxLength: number;
}

/** Public and private channels. Drafts live per channel and outlive new messages, tab switches and reloads. */
export function Channels({ gameId, pageSize, me, list, onNewChannel, canPost, canOpenGroup, maxLength }: ChannelsProps) {
  const { channels, markRead } = list;
  const [active, setActive] = useState(PUBLIC);
  const channel = channels.find((c) => c.key === active) ?? channels[0];
  const [draft, setDraft] = useState(() => storage.draft(gameId, active));
  const commands = useCommands();
  const action = useAction();
  const listRef = useRef<HTMLOListElement>(null);
  const lastId = channel.messages.at(-1)?.id ?? 0;
  const older = useOlderMessages(channel.key, channel.messages, pageSize);

  useEffect(() => {
    if (lastId) markRead(channel.key, lastId);
    const messages = listRef.current;
    if (messages) messages.scrollTop = messages.scrollHeight;
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
    const ok = await action.run(() => commands.postMessage({ to: channel.members, text: draft }));
    if (ok) updateDraft("");
  };

  return (
    <div className="channels">
      <nav aria-label="Channels" className="channel-list">
        <ul>
          {channels.map((c) => (
            <li key={c.key}>
              <button
                className={c.key === channel.key ? "selected" : ""}
                aria-current={c.key === channel.key ? "true" : undefined}
                onClick={() => select(c.key)}
                data-channel={c.key}
              >
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
        {me && canOpenGroup ? (
          <NewGroup
            me={me}
            onCreate={(key) => {
              onNewChannel(key);
              select(key);
            }}
          />
        ) : null}
      </nav>
      <div className="channel">
        <h3>{channel.key === PUBLIC ? "Public statements (everyone reads these)" : `Private: you and ${channel.label}`}</h3>
        <ol className="messages" ref={listRef} aria-live="polite" aria-label={`Messages in ${channel.label}`}>
          {older.more ? (
            <li className="older">
              <button type="button" className="secondary" onClick={() => void older.load()} disabled={older.busy}>
                Show older messages
              </button>
              {older.error ? <span role="alert">{older.error}</span> : null}
            </li>
          ) : null}
          {channel.messages.length === 0 ? <li className="empty">No messages yet.</li> : null}
          {[...older.messages, ...channel.messages].map((m) => (
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
              maxLength={maxLength}
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

/**
 * The messages of a long channel before the ones the view holds, fetched a page at a time. A view holding fewer than a
 * page of the channel holds all of it; the pages are dropped when the view's oldest message of the channel changes
 * (the numbering moves when the records are revealed).
 */
function useOlderMessages(key: string, shown: MessageView[], pageSize: number) {
  const commands = useCommands();
  const first = shown[0]?.id ?? 0;
  const [pages, setPages] = useState<{ key: string; first: number; messages: MessageView[]; more: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = pages && pages.key === key && pages.first === first ? pages : null;
  const messages = current?.messages ?? [];
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      const members = key === PUBLIC ? [] : (key.split("-") as Role[]);
      const page = await commands.olderMessages(members, messages[0]?.id ?? first);
      setPages({ key, first, messages: [...page.messages, ...messages], more: page.older > 0 });
    } catch (e) {
      setError(hubError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return { messages, more: current ? current.more : shown.length >= pageSize, busy, error, load };
}
