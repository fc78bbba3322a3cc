import { useState } from "react";
import type { GameView } from "../../api/types";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { useAction } from "../../ui/useAction";

/** The facilitator's notes on turns (during the game and after its end): part of the saved game, the replay and the report. */
export function NotesPanel({ view, canWrite }: { view: GameView; canWrite: boolean }) {
  const commands = useCommands();
  const [turn, setTurn] = useState(view.turn);
  const [text, setText] = useState("");
  const saving = useAction();
  return (
    <div className="notes">
      {view.notes.length ? (
        <ul className="notes-list" data-testid="notes">
          {view.notes.map((n, i) => (
            <li key={i}>
              <strong>Turn {n.turn}:</strong> {n.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No notes yet.</p>
      )}
      {canWrite ? (
        <form
          aria-label="Add a note"
          onSubmit={(e) => {
            e.preventDefault();
            void saving.run(() => commands.addNote(turn, text), "Note saved.").then((saved) => saved && setText(""));
          }}
        >
          <div className="field">
            <label htmlFor="note-turn">Turn</label>
            <select id="note-turn" value={turn} onChange={(e) => setTurn(Number(e.target.value))}>
              {Array.from({ length: view.turn }, (_, i) => i + 1).map((t) => (
                <option key={t} value={t}>
                  Turn {t}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="note-text">Note</label>
            <textarea
              id="note-text"
              value={text}
              maxLength={view.limits.messageMaxLength}
              onChange={(e) => setText(e.target.value)}
              rows={3}
            />
          </div>
          <button type="submit" className="button" disabled={saving.busy || text.trim() === ""}>
            Add note
          </button>
          <ActionFeedback error={saving.error} done={saving.done} />
        </form>
      ) : null}
    </div>
  );
}
