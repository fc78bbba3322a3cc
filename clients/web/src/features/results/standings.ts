import type { GameView, Role, RoleScore } from "../../api/types";

export interface Standing {
  role: Role;
  total: number;
  /** Points per objective over the whole game, largest first, with the latest reason given. */
  reasons: { objective: string; points: number; because: string }[];
}

/** Each visible role's final score with what earned it over every turn, best first. */
export function standingsOf(scores: readonly RoleScore[]): Standing[] {
  const byRole = new Map<Role, Standing>();
  for (const s of scores) {
    const standing = byRole.get(s.role) ?? { role: s.role, total: 0, reasons: [] };
    standing.total = s.total;
    for (const line of s.lines) {
      const reason = standing.reasons.find((r) => r.objective === line.objective);
      if (reason) {
        reason.points += line.points;
        reason.because = line.because;
      } else standing.reasons.push({ ...line });
    }
    byRole.set(s.role, standing);
  }
  const list = [...byRole.values()];
  for (const s of list) s.reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return list.sort((a, b) => b.total - a.total);
}

/** What happened, in a few public sentences: turns, territory, agreements, events, and any test left unanswered. */
export function summaryOf(view: GameView): string[] {
  const lines: string[] = [];
  const played = Math.max(0, ...view.results.map((r) => r.turn));
  lines.push(`${played} of ${view.scenario.turns} turns were played.`);
  const first = view.metrics[0];
  lines.push(
    first && first.territory !== view.territory
      ? `Ukraine holds ${view.territory.toFixed(1)}% of its territory (${first.territory.toFixed(1)}% after turn 1).`
      : `Ukraine holds ${view.territory.toFixed(1)}% of its territory.`,
  );
  const signed = view.agreements.length;
  const inForce = view.agreements.filter((a) => a.status === "InForce" || a.status === "Tested").length;
  lines.push(
    signed === 0
      ? "No agreement was signed."
      : `${signed} agreement${signed === 1 ? " was" : "s were"} signed; ${inForce} ${inForce === 1 ? "is" : "are"} still in force.`,
  );
  if (view.injects.length > 0) lines.push(`Events: ${view.injects.map((i) => i.title).join("; ")}.`);
  for (const t of view.pendingTests)
    lines.push(
      `Guarantee #${t.agreementId} was tested in turn ${t.turn} (${t.attack}); the game ended before its guarantors' answer was due, so no response was scored.`,
    );
  return lines;
}
