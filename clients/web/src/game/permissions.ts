import type {
  AgreementView,
  CommandKind,
  CommandLimits,
  EventCardView,
  GameView,
  ProposalView,
  ResolutionRecord,
  Role,
} from "../api/types";

// What the viewer may do now: the one place in the client that decides which controls are enabled. The view says
// which commands its audience may issue in this phase and state (`allowed`, from the domain's phase table) and the
// limits of their arguments; this file adds only what depends on a command's arguments (which proposal, which
// agreement) and on the seat. The server checks everything again and refuses with a code.

export interface ProposalActions {
  accept: boolean;
  reject: boolean;
  counter: boolean;
  withdraw: boolean;
}

export interface Permissions {
  submitOrders: boolean;
  /** The compose form is open: while paused it stays, so a draft can be written (sending is refused with the reason). */
  postMessage: boolean;
  /** Open a group channel with two or more other roles (players only). */
  openGroup: boolean;
  propose: boolean;
  respond: (proposal: ProposalView) => ProposalActions;
  revoke: (agreement: AgreementView) => boolean;
  advancePhase: boolean;
  setDeadline: boolean;
  /** Set the session plan (each phase's deadline when it opens). */
  setDeadlinePresets: boolean;
  extendDeadline: boolean;
  clearDeadline: boolean;
  pause: boolean;
  resumePlay: boolean;
  endGame: boolean;
  revealAll: boolean;
  injectEvent: boolean;
  fireCard: (card: EventCardView) => boolean;
  adjust: (record: ResolutionRecord) => boolean;
  /** Release seats and put bots on empty ones (the hub's facilitator seat, not a rule of the game). */
  manageSeats: boolean;
  /** The ranges the rules accept: controls offer exactly these. */
  limits: CommandLimits;
}

const NO_ACTIONS: ProposalActions = { accept: false, reject: false, counter: false, withdraw: false };

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

/** Why a player's orders form is closed now, or null when it is open. */
export function ordersClosed(view: GameView, may: Permissions): string | null {
  if (may.submitOrders) return null;
  if (view.ended) return "Orders open in the orders phase.";
  if (view.paused) return "The facilitator has paused the game; orders open again when play resumes.";
  return `Orders open in the orders phase; it is now the ${view.phase.toLowerCase()} phase.`;
}

/** Why a player cannot send a new proposal now, or null when it can. */
export function proposalsClosed(view: GameView, may: Permissions): string | null {
  if (may.propose) return null;
  if (view.ended) return "The game has ended.";
  if (view.paused) return "The facilitator has paused the game.";
  return "Proposals are made and answered outside the orders phase; the builder keeps your terms until then.";
}

/** Nothing may be done: a replay's frames, whatever audience they show. */
export function readOnly(limits: CommandLimits): Permissions {
  return permissions(new Set(), null, false, null, limits, -1);
}

export function permissionsOf(view: GameView): Permissions {
  const { kind, role } = view.audience;
  const me = kind === "Role" ? role : null;
  return permissions(
    new Set(view.allowed),
    me,
    kind === "Facilitator",
    view.deadline,
    view.limits,
    lastResolvedTurn(view),
    view.paused && !view.ended,
  );
}

function permissions(
  allowed: ReadonlySet<CommandKind>,
  me: Role | null,
  facilitator: boolean,
  deadline: string | null,
  limits: CommandLimits,
  lastTurn: number,
  paused = false,
): Permissions {
  const may = (command: CommandKind) => allowed.has(command);
  return {
    submitOrders: may("SubmitOrders"),
    postMessage: may("PostMessage") || (paused && (me !== null || facilitator)),
    openGroup: me !== null,
    propose: may("Propose"),
    respond: (p) => {
      if (me === null || !isOpen(p) || !p.parties.includes(me)) return NO_ACTIONS;
      const mine = p.proposer === me;
      return {
        accept: may("RespondToProposal") && answerOf(p, me) !== "Accepted",
        reject: may("RespondToProposal") && !mine,
        counter: may("CounterProposal") && !mine,
        withdraw: may("RespondToProposal") && mine,
      };
    },
    revoke: (a) => me !== null && may("RevokeAgreement") && a.parties.includes(me) && REVOCABLE.has(a.status),
    advancePhase: may("AdvancePhase"),
    setDeadline: may("SetDeadline"),
    setDeadlinePresets: may("SetDeadlinePresets"),
    extendDeadline: may("ExtendDeadline"),
    clearDeadline: may("SetDeadline") && deadline != null,
    pause: may("PauseGame"),
    resumePlay: may("ResumeGame"),
    endGame: may("EndGame"),
    revealAll: may("RevealAll"),
    injectEvent: may("InjectEvent"),
    fireCard: (card) => may("InjectEvent") && !card.fired,
    adjust: (r) => may("AdjustAdjudication") && r.adjustable && r.turn === lastTurn,
    manageSeats: facilitator,
    limits,
  };
}
