import type { TimelineEntry } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { ROLE_COLORS } from "../../ui/roleColors";
import { timelineMark } from "./timeline";
import "./debrief.css";

/**
 * The whole game for the debrief, as the replay's audience saw it: each entry opens the replay at its moment; the
 * entry the replay shows now is marked.
 */
export function GameTimeline({
  entries,
  version,
  onOpen,
}: {
  entries: readonly TimelineEntry[];
  version: number;
  onOpen: (version: number) => void;
}) {
  if (entries.length === 0) return <p className="empty">Nothing has happened yet.</p>;
  const current = [...entries].reverse().find((e) => e.version <= version);
  return (
    <ol className="timeline" data-testid="timeline" aria-label="Timeline of the game">
      {entries.map((e, i) => (
        <li
          key={i}
          className={`timeline-entry kind-${e.kind}${e === current ? " current" : ""}`}
          data-kind={e.kind}
          data-version={e.version}
          aria-current={e === current ? "step" : undefined}
        >
          <span className="mark" aria-hidden="true" style={e.role ? { color: ROLE_COLORS[e.role] } : undefined}>
            {timelineMark(e.kind)}
          </span>
          <span className="when">
            Turn {e.turn}, {e.phase.toLowerCase()}
          </span>
          <button type="button" className="linklike" onClick={() => onOpen(e.version)} title="Open the replay at this moment">
            {e.text}
          </button>
          {e.role ? <span className="sr-only"> ({ROLE_NAMES[e.role]})</span> : null}
        </li>
      ))}
    </ol>
  );
}
