import type { ReplayStep, Role } from "../../api/types";
import { ROLES, ROLE_NAMES } from "../../api/types";

/** The step <version> falls in: the last step that starts at or before it. */
export function stepIndex(steps: readonly ReplayStep[], version: number): number {
  let at = 0;
  steps.forEach((s, i) => {
    if (s.version <= version) at = i;
  });
  return at;
}

/** The version to load to move <delta> turns from the step at <at>, or null at either end. */
export function turnTarget(steps: readonly ReplayStep[], at: number, delta: number): number | null {
  const turns = [...new Set(steps.map((s) => s.turn))];
  const target = turns[turns.indexOf(steps[at].turn) + delta];
  return target === undefined ? null : steps[steps.findIndex((s) => s.turn === target)].version;
}

/** The version of the step <i>, kept inside the game. */
export function stepVersion(steps: readonly ReplayStep[], i: number): number {
  return steps[Math.max(0, Math.min(steps.length - 1, i))].version;
}

/** Whose eyes a replay can show: the public always; each role and the whole record with the key or once revealed. */
export function replayAudiences(canSeePrivate: boolean): string[] {
  return ["public", ...(canSeePrivate ? [...ROLES, "facilitator"] : [])];
}

export function audienceName(audience: string): string {
  return audience === "public" ? "Public" : audience === "facilitator" ? "Everything" : ROLE_NAMES[audience as Role];
}
