import type { TimelineEntry } from "../../api/types";

/** The symbol of each kind of moment, on the timeline and the charts' time axis. */
export function timelineMark(kind: TimelineEntry["kind"]): string {
  switch (kind) {
    case "Proposed":
      return "✎";
    case "Concluded":
      return "✍";
    case "Revoked":
      return "✗";
    case "Resolved":
      return "●";
    case "CeasefireBroken":
      return "⚠";
    case "GuaranteeTested":
      return "⚑";
    case "GuaranteeAnswered":
      return "⚐";
    case "Inject":
      return "✦";
    case "Adjustment":
      return "⚖";
    case "Note":
      return "✱";
    case "Ended":
      return "■";
  }
}

/** The version of the event before or after <version>, kept inside the game's versions 1..latest. */
export function eventTarget(version: number, latest: number, delta: -1 | 1): number | null {
  const next = version + delta;
  return next < 1 || next > latest ? null : next;
}
