import { describe, expect, it } from "vitest";
import { aView, audienceOf, FACILITATOR } from "../testing/fixtures";
import { createGameStore, initialState, mergeView, reduce } from "./store";

describe("mergeView", () => {
  it("keeps the newer of two views of the same audience, whichever arrives last", () => {
    const older = aView({ version: 3 });
    const newer = aView({ version: 4 });
    expect(mergeView(newer, older)).toBe(newer);
    expect(mergeView(older, newer)).toBe(newer);
  });

  it("takes a view of the same version (a resent view replaces the shown one)", () => {
    const shown = aView({ version: 4 });
    const resent = aView({ version: 4, paused: true });
    expect(mergeView(shown, resent)).toBe(resent);
  });

  it("takes another audience's view even with a lower version: versions count per audience", () => {
    const facilitator = aView({ audience: FACILITATOR, version: 40 });
    const role = aView({ audience: audienceOf("RU"), version: 5 });
    expect(mergeView(facilitator, role)).toBe(role);
  });
});

describe("reduce", () => {
  it("clears a seat error when the seat is taken again, and marks the page connected", () => {
    const lost = reduce(initialState, { type: "seat-lost", message: "released" });
    expect(lost).toMatchObject({ status: "failed", seatError: "released" });
    const join = { gameId: "g", seatId: "s", seatToken: "st", audience: audienceOf("UA"), displayName: "Olena" };
    expect(reduce(lost, { type: "joined", join })).toMatchObject({ status: "connected", seatError: null, join });
  });

  it("returns the same state for a view it drops, so nothing re-renders", () => {
    const state = reduce(initialState, { type: "view", view: aView({ version: 9 }) });
    expect(reduce(state, { type: "view", view: aView({ version: 8 }) })).toBe(state);
  });
});

describe("the game store", () => {
  it("notifies its listeners only when the state changes", () => {
    const store = createGameStore();
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    store.dispatch({ type: "status", status: "connecting" });
    store.dispatch({ type: "view", view: aView({ version: 2 }) });
    store.dispatch({ type: "view", view: aView({ version: 1 }) });
    unsubscribe();
    store.dispatch({ type: "status", status: "reconnecting" });
    expect(notified).toBe(1);
    expect(store.getState().view?.version).toBe(2);
  });
});
