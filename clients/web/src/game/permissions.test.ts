import { describe, expect, it } from "vitest";
import type { AgreementView, ResolutionRecord } from "../api/types";
import { aProposal, aView, audienceOf, FACILITATOR } from "../testing/fixtures";
import { permissionsOf } from "./permissions";

const anAgreement = (status: AgreementView["status"]): AgreementView => ({
  id: 42,
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

describe("a player", () => {
  it("submits orders only in the orders phase of a running game", () => {
    expect(permissionsOf(aView({ phase: "Orders" })).submitOrders).toBe(true);
    expect(permissionsOf(aView({ phase: "Negotiation" })).submitOrders).toBe(false);
    expect(permissionsOf(aView({ phase: "Orders", ended: true })).submitOrders).toBe(false);
  });

  it("answers a proposal it is party to, and withdraws only its own", () => {
    const proposal = aProposal({ proposer: "UA", parties: ["UA", "RU"] });
    expect(permissionsOf(aView({ audience: audienceOf("RU") })).respond(proposal)).toEqual({
      accept: true,
      reject: true,
      counter: true,
      withdraw: false,
    });
    // Ukraine proposed it and has accepted it already: it may only withdraw.
    expect(permissionsOf(aView({ audience: audienceOf("UA") })).respond(proposal)).toEqual({
      accept: false,
      reject: false,
      counter: false,
      withdraw: true,
    });
    expect(permissionsOf(aView({ audience: audienceOf("US") })).respond(proposal)).toEqual({
      accept: false,
      reject: false,
      counter: false,
      withdraw: false,
    });
    expect(permissionsOf(aView({ audience: audienceOf("RU") })).respond({ ...proposal, status: "Rejected" }).accept).toBe(false);
  });

  it("revokes an agreement it is party to while it binds, and nothing after the end", () => {
    const russia = permissionsOf(aView({ audience: audienceOf("RU") }));
    expect(russia.revoke(anAgreement("InForce"))).toBe(true);
    expect(russia.revoke(anAgreement("Expired"))).toBe(false);
    expect(permissionsOf(aView({ audience: audienceOf("US") })).revoke(anAgreement("InForce"))).toBe(false);
    const ended = permissionsOf(aView({ audience: audienceOf("RU"), ended: true }));
    expect([ended.revoke(anAgreement("InForce")), ended.postMessage, ended.propose]).toEqual([false, false, false]);
  });
});

describe("the facilitator", () => {
  it("runs the clock while the game runs and reveals the records only after it ends", () => {
    const running = permissionsOf(aView({ audience: FACILITATOR }));
    expect([running.advancePhase, running.pause, running.resumePlay, running.endGame, running.revealAll]).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
    expect(running.changeDeadline).toBe(false);
    expect(permissionsOf(aView({ audience: FACILITATOR, deadline: "2030-01-01T00:00:00Z" })).changeDeadline).toBe(true);
    const ended = permissionsOf(aView({ audience: FACILITATOR, ended: true }));
    expect([ended.advancePhase, ended.endGame, ended.revealAll]).toEqual([false, false, true]);
    expect(permissionsOf(aView({ audience: FACILITATOR, ended: true, revealed: true })).revealAll).toBe(false);
  });

  it("adjusts only the last resolved turn's adjustable rolls", () => {
    const view = aView({
      audience: FACILITATOR,
      results: [
        { turn: 1, lines: [] },
        { turn: 2, lines: [] },
      ],
    });
    const may = permissionsOf(view);
    expect([aRecord(2, true), aRecord(2, false), aRecord(1, true)].map(may.adjust)).toEqual([true, false, false]);
  });

  it("answers no proposal", () => {
    expect(permissionsOf(aView({ audience: FACILITATOR })).respond(aProposal())).toEqual({
      accept: false,
      reject: false,
      counter: false,
      withdraw: false,
    });
  });
});

describe("an observer", () => {
  it("may do nothing", () => {
    const may = permissionsOf(aView({ audience: audienceOf(null), phase: "Orders" }));
    expect([may.submitOrders, may.postMessage, may.propose, may.advancePhase, may.manageSeats]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
