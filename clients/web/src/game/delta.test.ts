import { describe, expect, it } from "vitest";
import type { GameView, MapView, MessageView, ViewDelta } from "../api/types";
import { aMap, aMessage, aView, audienceOf, FACILITATOR } from "../testing/fixtures";
import { applyDelta, initialState, reduce } from "./store";

// The server's side of the protocol (ViewDelta.Between in the domain), written again from docs/hub-protocol.md: a
// changed section whole, a changed list as the old items it removes, its new length and the items that differ by
// index, nullable sections wrapped in { value }, the map as its changed parts, each wrapped in { value }.
const WRAPPED = ["deadline", "pausedRemainingSeconds", "russianOutlook", "russianBelief"];

function deltaBetween(before: GameView, after: GameView): ViewDelta {
  const delta: Record<string, unknown> = { audience: after.audience, baseVersion: before.version, version: after.version };
  for (const name of Object.keys(after) as (keyof GameView)[]) {
    if (name === "audience" || name === "version") continue;
    const [a, b] = [before[name], after[name]];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (WRAPPED.includes(name)) delta[name] = { value: b };
    else if (name === "map") {
      const parts = Object.keys(after.map) as (keyof MapView)[];
      delta.map = Object.fromEntries(
        parts
          .filter((part) => JSON.stringify(before.map[part]) !== JSON.stringify(after.map[part]))
          .map((part) => [part, { value: after.map[part] }]),
      );
    } else if (Array.isArray(a) && Array.isArray(b) && name !== "allowed") {
      // Messages are keyed by id: old ones no longer shown are removed by index first.
      const ids = name === "messages" ? new Set((b as MessageView[]).map((m) => m.id)) : null;
      const removed = ids ? (a as MessageView[]).flatMap((m, index) => (ids.has(m.id) ? [] : [index])) : [];
      const kept = a.filter((_, index) => !removed.includes(index));
      delta[name] = {
        ...(removed.length > 0 ? { removed } : {}),
        length: b.length,
        items: b.flatMap((item, index) => (JSON.stringify(item) === JSON.stringify(kept[index]) ? [] : [{ index, item }])),
      };
    } else delta[name] = b;
  }
  return delta as unknown as ViewDelta;
}

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number) {
  let t = seed;
  return (n: number) => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) % n;
  };
}

function step(view: GameView, pick: (n: number) => number): GameView {
  const messages: MessageView[] = [...view.messages];
  switch (pick(8)) {
    case 0:
      messages.push(aMessage(messages.length + 1, pick(2) ? "UA" : null, [], `message ${pick(1000)}`));
      return { ...view, messages };
    case 1:
      // After a reveal every list is renumbered: an item in the middle changes, the list may shrink.
      return { ...view, messages: messages.slice(0, pick(messages.length + 1)).map((m, i) => ({ ...m, id: i + 1, text: `${m.text}!` })) };
    case 2:
      return {
        ...view,
        deadline: pick(2) ? null : `2027-01-15T14:${10 + pick(40)}:00+00:00`,
        pausedRemainingSeconds: pick(2) ? null : pick(600),
      };
    case 3:
      return {
        ...view,
        phase: (["Briefing", "Negotiation", "Orders", "Debrief"] as const)[pick(4)],
        turn: view.turn + pick(2),
        allowed: pick(2) ? [] : ["PostMessage"],
      };
    case 4:
      return {
        ...view,
        russianOutlook: pick(2) ? null : { deterrence: pick(100) / 100, hazard: pick(2) ? null : 0.1, hazardIfRearming: null, options: [] },
      };
    case 5: {
      // A channel's window moves on: its oldest shown message goes as a new one comes in.
      const next = aMessage(Math.max(0, ...messages.map((m) => m.id)) + 1, "US", [], `statement ${pick(1000)}`);
      return { ...view, messages: [...messages.filter((_, i) => i !== pick(Math.max(1, messages.length))), next] };
    }
    case 6: {
      // A resolution moves the map's contact line, a ceasefire sets or clears its zone; the named lines stay.
      const ceasefire = pick(2) === 1;
      return {
        ...view,
        map: {
          ...view.map,
          contactLine: [{ lon: 37 + pick(3), lat: 48 }],
          changeTurn: pick(2) ? null : view.turn,
          ceasefireId: ceasefire ? 1 + pick(3) : null,
          withdrawTo: ceasefire && pick(2) ? "Line A" : null,
        },
      };
    }
    default:
      return { ...view, territory: 80 + pick(5), sanctions: pick(10) };
  }
}

describe("applyDelta", () => {
  it("holds exactly the server's view after every delta of random sequences", { timeout: 30_000 }, () => {
    for (let seed = 1; seed <= 60; seed++) {
      const pick = random(seed);
      let server = aView({ version: 1 });
      let held: GameView = structuredClone(server);
      for (let version = 2; version <= 30; version++) {
        const next = { ...step(server, pick), version };
        const outcome = applyDelta(held, structuredClone(deltaBetween(server, next)));
        expect(outcome.kind, `seed ${seed}, version ${version}`).toBe("applied");
        if (outcome.kind !== "applied") return;
        expect(outcome.view, `seed ${seed}, version ${version}`).toEqual(next);
        [server, held] = [next, outcome.view];
      }
    }
  });

  it("drops a delta the view already holds, and one of another audience", () => {
    const view = aView({ version: 5 });
    const old = deltaBetween(aView({ version: 4 }), aView({ version: 5, territory: 1 }));
    expect(applyDelta(view, old)).toEqual({ kind: "stale" });
    const other = deltaBetween(aView({ audience: FACILITATOR, version: 5 }), aView({ audience: FACILITATOR, version: 6 }));
    expect(applyDelta(view, other)).toEqual({ kind: "stale" });
    expect(applyDelta(null, deltaBetween(view, { ...view, version: 6 }))).toEqual({ kind: "stale" });
  });

  it("reports a gap when the delta starts after the view held, so the session asks for the whole view", () => {
    const held = aView({ version: 5 });
    const later = deltaBetween(aView({ version: 6 }), aView({ version: 7, sanctions: 9 }));
    expect(applyDelta(held, later)).toEqual({ kind: "gap" });
  });

  it("tells a section now null from one unchanged", () => {
    const before = aView({ version: 2, deadline: "2027-01-15T14:45:09+00:00", pausedRemainingSeconds: 30 });
    const after = aView({ version: 3, deadline: null, pausedRemainingSeconds: 30 });
    const outcome = applyDelta(before, deltaBetween(before, after));
    expect(outcome).toEqual({ kind: "applied", view: after });
  });
  it("patches the map's changed parts, a part now null among them, and keeps the rest", () => {
    const lines = [{ name: "Line A", territory: 80, points: [{ lon: 36, lat: 47 }] }];
    const before = aView({ version: 2, map: aMap({ lines, ceasefireId: 3, withdrawTo: "Line A", territory: 82 }) });
    const after = aView({ version: 3, map: aMap({ lines, ceasefireId: null, withdrawTo: null, territory: 81.5 }) });
    const delta = deltaBetween(before, after);
    expect(delta.map).toEqual({ territory: { value: 81.5 }, ceasefireId: { value: null }, withdrawTo: { value: null } });
    expect(applyDelta(before, delta)).toEqual({ kind: "applied", view: after });
  });

  it("drops the old items a delta removes before it sets its items", () => {
    const before = aView({
      version: 2,
      messages: [aMessage(1, "RU", ["UA"], "private"), aMessage(2, "US", [], "a"), aMessage(3, "US", [], "b")],
    });
    const after = aView({
      version: 3,
      messages: [aMessage(1, "RU", ["UA"], "private"), aMessage(3, "US", [], "b"), aMessage(4, "EU", [], "c")],
    });
    const delta = {
      audience: after.audience,
      baseVersion: 2,
      version: 3,
      messages: { removed: [1], length: 3, items: [{ index: 2, item: after.messages[2] }] },
    };
    expect(applyDelta(before, delta as unknown as ViewDelta)).toEqual({ kind: "applied", view: after });
  });
});

describe("reduce with deltas", () => {
  it("applies a delta to the view shown and leaves the state alone on a gap", () => {
    const shown = reduce(initialState, { type: "view", view: aView({ audience: audienceOf("RU"), version: 3 }) });
    const next = aView({ audience: audienceOf("RU"), version: 4, messages: [aMessage(1, "RU", [], "Hello")] });
    const applied = reduce(shown, { type: "delta", delta: deltaBetween(shown.view!, next) });
    expect(applied.view).toEqual(next);
    const gap = deltaBetween(aView({ audience: audienceOf("RU"), version: 7 }), aView({ audience: audienceOf("RU"), version: 8 }));
    expect(reduce(applied, { type: "delta", delta: gap })).toBe(applied);
  });
});
