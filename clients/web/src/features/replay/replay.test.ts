import { describe, expect, it } from "vitest";
import type { ReplayStep } from "../../api/types";
import { replayAudiences, stepIndex, stepVersion, turnTarget } from "./replay";

const steps: ReplayStep[] = [
  { version: 1, turn: 1, phase: "Briefing" },
  { version: 2, turn: 1, phase: "Negotiation" },
  { version: 9, turn: 1, phase: "Orders" },
  { version: 14, turn: 2, phase: "Briefing" },
  { version: 15, turn: 2, phase: "Negotiation" },
];

describe("replay steps", () => {
  it("place a version in the last step that starts at or before it", () => {
    expect(stepIndex(steps, 1)).toBe(0);
    expect(stepIndex(steps, 8)).toBe(1);
    expect(stepIndex(steps, 14)).toBe(3);
    expect(stepIndex(steps, 99)).toBe(4);
  });

  it("move by turn to the first step of the turn, and stop at either end", () => {
    expect(turnTarget(steps, 1, 1)).toBe(14);
    expect(turnTarget(steps, 4, -1)).toBe(1);
    expect(turnTarget(steps, 0, -1)).toBeNull();
    expect(turnTarget(steps, 3, 1)).toBeNull();
  });

  it("keep a step move inside the game", () => {
    expect(stepVersion(steps, -1)).toBe(1);
    expect(stepVersion(steps, 7)).toBe(15);
  });

  it("offer the roles and the whole record only to who may see them", () => {
    expect(replayAudiences(false)).toEqual(["public"]);
    expect(replayAudiences(true)).toEqual(["public", "UA", "RU", "US", "EU", "facilitator"]);
  });
});
