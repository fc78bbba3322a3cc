import { describe, expect, it } from "vitest";
import { aView } from "../testing/fixtures";
import { announcementsBetween } from "./announcements";

describe("announcementsBetween", () => {
  it("names the new phase and points the orders phase to the Orders tab", () => {
    const before = aView({ version: 3, phase: "Negotiation" });
    const after = aView({ version: 4, phase: "Orders" });
    expect(announcementsBetween(before, after, "UA")).toEqual([
      { kind: "phase", text: "Turn 1: the orders phase has begun. Submit your orders.", tab: "orders" },
    ]);
  });

  it("announces new results and a fired inject, and nothing for an older or equal view", () => {
    const before = aView({ version: 5, phase: "Orders" });
    const after = aView({
      version: 7,
      phase: "Debrief",
      results: [{ turn: 1, lines: [] }],
      injects: [{ turn: 1, cardId: null, title: "Grain corridor closes", text: "…", effects: [] }],
    });
    expect(announcementsBetween(before, after, "UA").map((a) => [a.kind, a.text])).toEqual([
      ["phase", "Turn 1: the debrief phase has begun. The results are in."],
      ["results", "Results of turn 1 are in."],
      ["inject", "Event: Grain corridor closes"],
    ]);
    expect(announcementsBetween(after, before, "UA")).toEqual([]);
    expect(announcementsBetween(after, after, "UA")).toEqual([]);
  });

  it("announces the facilitator's statements but not the players' messages", () => {
    const before = aView({ version: 1 });
    const after = aView({
      version: 3,
      messages: [
        { id: 1, turn: 1, from: "RU", to: [], text: "We will not move." },
        { id: 2, turn: 1, from: null, to: [], text: "Five minutes left." },
      ],
    });
    expect(announcementsBetween(before, after, "UA").map((a) => a.text)).toEqual(["The facilitator says: Five minutes left."]);
  });
});
