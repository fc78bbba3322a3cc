import type { MessageView } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { roleList } from "../../ui/format";

/** Messages as a record lists them: who, (to whom,) which turn, the text. */
export function MessageList({ messages, empty, showRecipients }: { messages: MessageView[]; empty: string; showRecipients?: boolean }) {
  return (
    <ol className="messages">
      {messages.length === 0 ? <li className="empty">{empty}</li> : null}
      {messages.map((m) => (
        <li key={m.id}>
          <span className="who">{m.from ? ROLE_NAMES[m.from] : "Facilitator"}</span>
          {showRecipients ? ` → ${m.to.length ? roleList(m.to) : "everyone"}` : null} <span className="when">turn {m.turn}</span>
          <p>{m.text}</p>
        </li>
      ))}
    </ol>
  );
}
