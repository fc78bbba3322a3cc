import { describe, expect, it } from "vitest";
import { eventTarget, timelineMark } from "./timeline";

describe("stepping event by event", () => {
  it("moves one version either way and stops at both ends", () => {
    expect(eventTarget(5, 9, 1)).toBe(6);
    expect(eventTarget(5, 9, -1)).toBe(4);
    expect(eventTarget(1, 9, -1)).toBeNull();
    expect(eventTarget(9, 9, 1)).toBeNull();
  });

  it("marks ceasefire breaks, tests and injects with their own symbols", () => {
    const marks = (["CeasefireBroken", "GuaranteeTested", "Inject"] as const).map(timelineMark);
    expect(new Set(marks).size).toBe(3);
  });
});
