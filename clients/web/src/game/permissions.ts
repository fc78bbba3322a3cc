import type { AgreementView, EventCardView, GameView, ProposalView, ResolutionRecord, Role } from "../api/types";

// What the viewer may do now: the one place in the client that decides which controls are enabled. It reads only
// the view (its audience, phase and state); the server decides again and refuses with a code whatever this allows
// by mistake. When views carry the allowed commands for their audience, this is the file that reads them.

export interface ProposalActions {
  accept: boolean;
  reject: boolean;
  counter: boolean;
  withdraw: boolean;
}

export interface Permissions {
  submitOrders: boolean;
  postMessage: boolean;
  /** Open a group channel with two or more other roles (players only). */
  openGroup: boolean;
  propose: boolean;
  respond: (proposal: ProposalView) => ProposalActions;
  revoke: (agreement: AgreementView) => boolean;
  advancePhase: boolean;
  setDeadline: boolean;
  /** Extend or clear the running deadline. */
  changeDeadline: boolean;
  pause: boolean;
  resumePlay: boolean;
  endGame: boolean;
  revealAll: boolean;
  injectEvent: boolean;
  fireCard: (card: EventCardView) => boolean;
  adjust: (record: ResolutionRecord) => boolean;
  manageSeats: boolean;
}

/** Limits the server enforces too (GameHub, the rules' adjustment range); the controls stay inside them. */
export const LIMITS = {
  deadlineMinutes: { min: 1, max: 240 },
  extendSeconds: 300,
  adjustmentLogit: 0.5,
} as const;

const NO_ACTIONS: ProposalActions = { accept: false, reject: false, counter: false, withdraw: false };

/** A replay, or a page without a seat: nothing may be done. */
export const READ_ONLY: Permissions = {
  submitOrders: false,
  postMessage: false,
  openGroup: false,
  propose: false,
  respond: () => NO_ACTIONS,
  revoke: () => false,
  advancePhase: false,
  setDeadline: false,
  changeDeadline: false,
  pause: false,
  resumePlay: false,
  endGame: false,
  revealAll: false,
  injectEvent: false,
  fireCard: () => false,
  adjust: () => false,
  manageSeats: false,
};

/** Agreements a party may still revoke. */
const REVOCABLE = new Set<AgreementView["status"]>(["InForce", "Tested", "AwaitingRatification"]);

/** The answer <role> gave to <proposal> (Pending until it answers). */
export function answerOf(proposal: ProposalView, role: Role) {
  return proposal.responses.find((r) => r.role === role)?.response ?? "Pending";
}

/** Proposals still open for answers; an accepted one is signed when negotiation closes. */
export function isOpen(proposal: ProposalView) {
  return proposal.status === "Proposed";
}

/** The last resolved turn: its rolls are the ones the facilitator may still adjust, during its debrief. */
export function lastResolvedTurn(view: GameView) {
  return Math.max(0, ...view.results.map((r) => r.turn));
}

export function permissionsOf(view: GameView): Permissions {
  const live = !view.ended;
  const { kind, role } = view.audience;
  if (kind === "Role" && role) return player(view, role, live);
  if (kind === "Facilitator") return facilitator(view, live);
  return READ_ONLY;
}

function player(view: GameView, me: Role, live: boolean): Permissions {
  return {
    ...READ_ONLY,
    submitOrders: live && view.phase === "Orders",
    postMessage: live,
    openGroup: true,
    propose: live,
    respond: (p) => {
      if (!live || !isOpen(p) || !p.parties.includes(me)) return { ...NO_ACTIONS, withdraw: live && isOpen(p) && p.proposer === me };
      const mine = p.proposer === me;
      return { accept: answerOf(p, me) !== "Accepted", reject: !mine, counter: !mine, withdraw: mine };
    },
    revoke: (a) => live && a.parties.includes(me) && REVOCABLE.has(a.status),
  };
}

function facilitator(view: GameView, live: boolean): Permissions {
  const lastTurn = lastResolvedTurn(view);
  return {
    ...READ_ONLY,
    postMessage: live,
    advancePhase: live,
    setDeadline: live,
    changeDeadline: view.deadline != null,
    pause: live && !view.paused,
    resumePlay: live && view.paused,
    endGame: live,
    revealAll: view.ended && !view.revealed,
    injectEvent: true,
    fireCard: (card) => !card.fired,
    adjust: (r) => r.turn === lastTurn && r.adjustable,
    manageSeats: true,
  };
}
