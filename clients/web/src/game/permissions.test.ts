import { describe, expect, it } from "vitest";
import type { AgreementView, CommandKind, GameView, ResolutionRecord } from "../api/types";
import { aProposal, aView, audienceOf, FACILITATOR, LIMITS } from "../testing/fixtures";
import { ordersClosed, permissionsOf, proposalsClosed, readOnly } from "./permissions";

const anAgreement = (status: AgreementView["status"]): AgreementView => ({
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

  it("answers a proposal it is party to, and withdraws only its own", () => {
    const proposal = aProposal({ proposer: "UA", parties: ["UA", "RU"] });
    expect(permissionsOf(player("RU")).respond(proposal)).toEqual({ accept: true, reject: true, counter: true, withdraw: false });
    // Ukraine proposed it and has accepted it already: it may only withdraw.
    expect(permissionsOf(player("UA")).respond(proposal)).toEqual({ accept: false, reject: false, counter: false, withdraw: true });
    expect(permissionsOf(player("US")).respond(proposal)).toEqual({ accept: false, reject: false, counter: false, withdraw: false });
    expect(permissionsOf(player("RU")).respond({ ...proposal, status: "Rejected" }).accept).toBe(false);
    expect(permissionsOf(player("RU", ["PostMessage"])).respond(proposal).accept).toBe(false);
  });

  it("revokes an agreement it is party to while it binds", () => {
    const russia = permissionsOf(player("RU"));
    expect(russia.revoke(anAgreement("InForce"))).toBe(true);
    expect(russia.revoke(anAgreement("Expired"))).toBe(false);
    expect(permissionsOf(player("US")).revoke(anAgreement("InForce"))).toBe(false);
    expect(permissionsOf(player("RU", [])).revoke(anAgreement("InForce"))).toBe(false);
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

  it("adjusts only the last resolved turn's adjustable rolls, while adjusting is allowed", () => {
    const results = [
      { turn: 1, lines: [] },
      { turn: 2, lines: [] },
    ];
    const may = facilitator(["AdjustAdjudication"], { results });
    expect([aRecord(2, true), aRecord(2, false), aRecord(1, true)].map(may.adjust)).toEqual([true, false, false]);
    expect(facilitator([], { results }).adjust(aRecord(2, true))).toBe(false);
  });

  it("answers no proposal and manages the seats", () => {
    const may = facilitator(["RespondToProposal"]);
    expect(may.respond(aProposal())).toEqual({ accept: false, reject: false, counter: false, withdraw: false });
    expect(may.manageSeats).toBe(true);
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
    const replay = readOnly(LIMITS);
    expect([replay.postMessage, replay.revoke(anAgreement("InForce")), replay.respond(aProposal()).accept]).toEqual([false, false, false]);
  });
});
