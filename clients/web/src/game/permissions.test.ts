import { describe, expect, it } from "vitest";
import type { AgreementView, CommandKind, EventCardView, GameView, ResolutionRecord } from "../api/types";
import { aProposal, aView, audienceOf, FACILITATOR, LIMITS } from "../testing/fixtures";
import { ordersClosed, permissionsOf, proposalsClosed, readOnly } from "./permissions";

const anAgreement = (status: AgreementView["status"], canRevoke = false): AgreementView => ({
  id: 42,
  number: 1,
  kind: "Ceasefire",
  parties: ["UA", "RU"],
  terms: aProposal().terms,
  status,
  statusReason: null,
  signedTurn: 1,
  currentForm: null,
  reputation: {},
  breaches: 0,
  violators: [],
  ambiguityClause: null,
  disclosed: false,
  changes: [],
  troopsAtSigning: {},
  drawdownTurn: {},
  canRevoke,
});

const aCard = (canFire: boolean): EventCardView => ({
  id: "sanctions",
  title: "Sanctions",
  text: "",
  turn: null,
  effects: [],
  fired: !canFire,
  canFire,
});

const aRecord = (turn: number, adjustable: boolean): ResolutionRecord => ({
  id: `r-${turn}-${adjustable}`,
  turn,
  step: "D",
  title: "Attack",
  subject: "Russia",
  terms: [],
  thresholdBp: 2500,
  roll: 1200,
  outcome: "happens",
  precedent: null,
  counterfactual: "",
  visibleTo: [],
  adjustment: null,
  adjustmentReason: null,
  adjustable,
});

const NEGOTIATING: CommandKind[] = ["PostMessage", "Propose", "RespondToProposal", "CounterProposal", "RevokeAgreement"];
const player = (role: "UA" | "RU" | "US" | "EU", allowed: CommandKind[] = NEGOTIATING, more: Partial<GameView> = {}) =>
  aView({ audience: audienceOf(role), allowed, ...more });

describe("a player", () => {
  it("may do what its view allows, and nothing else", () => {
    expect(permissionsOf(player("RU", ["SubmitOrders"], { phase: "Orders" })).submitOrders).toBe(true);
    const negotiating = permissionsOf(player("RU"));
    expect([negotiating.submitOrders, negotiating.propose, negotiating.postMessage]).toEqual([false, true, true]);
  });

  it("answers, counters or withdraws a proposal exactly as the proposal's actions say", () => {
    const proposal = aProposal({ actions: ["Accept", "Reject", "Counter"] });
    expect(permissionsOf(player("RU")).respond(proposal)).toEqual({ accept: true, reject: true, counter: true, withdraw: false });
    expect(permissionsOf(player("UA")).respond(aProposal({ actions: ["Withdraw"] }))).toEqual({
      accept: false,
      reject: false,
      counter: false,
      withdraw: true,
    });
    // The client adds no rule of its own: no actions listed, none offered, whatever the proposal's status or parties.
    expect(permissionsOf(player("RU")).respond(aProposal({ actions: [] }))).toEqual({
      accept: false,
      reject: false,
      counter: false,
      withdraw: false,
    });
  });

  it("revokes an agreement exactly when the agreement says it may", () => {
    const russia = permissionsOf(player("RU"));
    expect(russia.revoke(anAgreement("InForce", true))).toBe(true);
    expect(russia.revoke(anAgreement("InForce", false))).toBe(false);
  });

  it("keeps the compose form open while paused, so the refusal can say why beside the draft", () => {
    expect(permissionsOf(player("UA", [], { paused: true })).postMessage).toBe(true);
    expect(permissionsOf(player("UA", [], { ended: true })).postMessage).toBe(false);
  });

  it("is told why its orders or proposals wait", () => {
    expect(ordersClosed(player("UA", NEGOTIATING, { phase: "Negotiation" }), permissionsOf(player("UA")))).toBe(
      "Orders open in the orders phase; it is now the negotiation phase.",
    );
    const orders = player("UA", ["PostMessage"], { phase: "Orders" });
    expect(proposalsClosed(orders, permissionsOf(orders))).toMatch(/outside the orders phase/);
    const paused = player("UA", [], { paused: true });
    expect(proposalsClosed(paused, permissionsOf(paused))).toBe("The facilitator has paused the game.");
    expect(proposalsClosed(player("UA"), permissionsOf(player("UA")))).toBeNull();
  });
});

describe("the facilitator", () => {
  const facilitator = (allowed: CommandKind[], more: Partial<GameView> = {}) =>
    permissionsOf(aView({ audience: FACILITATOR, allowed, ...more }));

  it("runs the clock as its view allows, clearing a deadline only when one runs", () => {
    const running = facilitator(["AdvancePhase", "SetDeadline", "PauseGame", "EndGame"]);
    expect([running.advancePhase, running.pause, running.resumePlay, running.endGame, running.revealAll]).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
    expect([running.extendDeadline, running.clearDeadline]).toEqual([false, false]);
    const timed = facilitator(["SetDeadline", "ExtendDeadline"], { deadline: "2030-01-01T00:00:00Z" });
    expect([timed.extendDeadline, timed.clearDeadline]).toEqual([true, true]);
    expect(facilitator(["RevealAll"], { ended: true }).revealAll).toBe(true);
  });

  it("adjusts exactly the records its view lists as adjustable, and fires the cards it may", () => {
    const may = facilitator(["AdjustAdjudication", "InjectEvent"], { adjustableRecords: ["r-2-true"] });
    expect([aRecord(2, true), aRecord(2, false), aRecord(1, true)].map(may.adjust)).toEqual([true, false, false]);
    expect([may.fireCard(aCard(true)), may.fireCard(aCard(false))]).toEqual([true, false]);
  });

  it("manages the seats", () => {
    expect(facilitator([]).manageSeats).toBe(true);
  });
});

describe("an observer and a replay", () => {
  it("may do nothing, whatever the view lists", () => {
    const observer = permissionsOf(aView({ audience: audienceOf(null), phase: "Orders" }));
    expect([observer.submitOrders, observer.postMessage, observer.propose, observer.advancePhase, observer.manageSeats]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    // A replay's frame shows a past view's actions; none of them may be taken.
    const replay = readOnly(LIMITS);
    expect([
      replay.postMessage,
      replay.revoke(anAgreement("InForce", true)),
      replay.respond(aProposal({ actions: ["Accept"] })).accept,
      replay.fireCard(aCard(true)),
      replay.adjust(aRecord(2, true)),
    ]).toEqual([false, false, false, false, false]);
  });
});
