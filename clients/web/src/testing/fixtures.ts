import { defaultCeasefire } from "../features/proposals/terms";
import type { Audience, CommandLimits, GameView, MapView, MessageView, ProposalView, Role } from "../api/types";

/** The rules' limits as the server sends them today. */
export const LIMITS: CommandLimits = {
  deadlineMinSeconds: 1,
  deadlineMaxSeconds: 604800,
  adjustmentMaxLogit: 0.5,
  messageMaxLength: 4000,
  messagesShownPerChannel: 200,
  reasonMaxLength: 500,
  injectTitleMaxLength: 200,
  injectTextMaxLength: 4000,
  injectMaxEffects: 20,
  injectMaxDelta: 1000000,
  maxTroopChange: 200000,
  maxOpenProposals: 50,
};

// Small, complete wire records for unit tests: every field the contract requires, with the test's own values.

export const audienceOf = (role: Role | null): Audience => (role ? { kind: "Role", role } : { kind: "Public", role: null });
export const FACILITATOR: Audience = { kind: "Facilitator", role: null };

export function aView(overrides: Partial<GameView> = {}): GameView {
  return {
    audience: audienceOf("UA"),
    scenario: { id: "test", title: "Test", summary: "A test game.", turns: 4 },
    version: 1,
    turn: 1,
    phase: "Negotiation",
    paused: false,
    deadline: null,
    pausedRemainingSeconds: null,
    deadlinePresets: { briefing: null, negotiation: null, orders: null, debrief: null },
    ended: false,
    revealed: false,
    allowed: [],
    limits: LIMITS,
    roles: [],
    publicBriefings: [],
    privateRecords: [],
    messages: [],
    orders: [],
    results: [],
    proposals: [],
    agreements: [],
    forces: [],
    territory: 82,
    map: aMap(),
    sanctions: 5,
    credibility: [],
    deterrence: 0.4,
    pendingTests: [],
    records: [],
    adjustableRecords: [],
    headlines: [],
    scores: [],
    metrics: [],
    injects: [],
    notes: [],
    injectQuantities: [],
    eventDeck: [],
    hidden: [],
    intelligence: [],
    russianOutlook: null,
    russianBelief: null,
    ruleConstants: [],
    ...overrides,
    messageCount: overrides.messageCount ?? overrides.messages?.length ?? 0,
  };
}

export function aMap(overrides: Partial<MapView> = {}): MapView {
  return {
    lines: [],
    contactLine: [],
    contactLineBetween: "",
    beyondLines: false,
    territory: 82,
    changeTurn: null,
    territoryChange: 0,
    previousContactLine: [],
    ceasefireId: null,
    dmzWidthKm: 0,
    monitoring: "None",
    monitorsFrom: [],
    withdrawTo: null,
    deployments: [],
    ...overrides,
  };
}

export function aMessage(id: number, from: Role | null, to: Role[], text = `message ${id}`): MessageView {
  return { id, turn: 1, from, to, text };
}

export function aProposal(overrides: Partial<ProposalView> = {}): ProposalView {
  return {
    id: 481516,
    number: 1,
    kind: "Ceasefire",
    proposer: "UA",
    parties: ["UA", "RU"],
    terms: { ...defaultCeasefire(), dmzWidthKm: 10, monitoring: "UnarmedMonitors", monitorsFrom: ["OSCE"], jointCommission: true },
    status: "Proposed",
    responses: [
      { role: "UA", response: "Accepted" },
      { role: "RU", response: "Pending" },
    ],
    proposedTurn: 1,
    counterOf: null,
    counteredBy: null,
    actions: [],
    ...overrides,
  };
}
