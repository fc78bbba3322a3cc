import { describe, expect, it } from "vitest";
import { basisPoints, formatSeconds, humanize, number, percent, signed, tagClass } from "./format";

describe("formatting", () => {
  it("reads enum names as words", () => {
    expect(humanize("LimitedOffensive")).toBe("Limited offensive");
    expect(humanize("SanctionsAndArms")).toBe("Sanctions and arms");
    expect(humanize("AwaitingRatification")).toBe("Awaiting ratification");
    expect(humanize("Probe")).toBe("Probe");
  });

  it("counts time down as m:ss, from an hour as h:mm:ss, and never below zero", () => {
    expect(formatSeconds(59.9)).toBe("0:59");
    expect(formatSeconds(600)).toBe("10:00");
    expect(formatSeconds(3725)).toBe("1:02:05");
    expect(formatSeconds(-4)).toBe("0:00");
  });

  it("writes numbers, shares and chances as the records explain them", () => {
    expect(number(3)).toBe("3");
    expect(number(0.41666)).toBe("0.417");
    expect(basisPoints(2500)).toBe("25.0%");
    expect(percent(0.125)).toBe("13%");
    expect(signed(0.25)).toBe("+0.25");
    expect(signed(-0.5)).toBe("-0.5");
    expect(signed(0)).toBe("0");
    expect(tagClass("[LIT]")).toBe("tag tag-lit");
  });
});
