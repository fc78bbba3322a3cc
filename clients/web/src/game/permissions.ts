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

// What the viewer may do now: the one place in the client that turns the view into enabled controls. The view says
// which commands its audience may issue in this phase and state (`allowed`, from the domain's phase table), the
// limits of their arguments, and on each proposal, agreement, card and record what its audience may do to it now
// (`actions`, `canRevoke`, `canFire`, `adjustableRecords`, from the domain's deciders). This file decides no rule of
// its own; the server checks everything again and refuses with a code.

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

/** The answer <role> gave to <proposal> (Pending until it answers). */
export function answerOf(proposal: ProposalView, role: Role) {
  return proposal.responses.find((r) => r.role === role)?.response ?? "Pending";
}

/** Proposals still open for answers; an accepted one is signed when negotiation closes. */
export function isOpen(proposal: ProposalView) {
  return proposal.status === "Proposed";
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
  return permissions(new Set(), null, false, null, limits, new Set(), true);
}

export function permissionsOf(view: GameView): Permissions {
  const { kind, role } = view.audience;
  return permissions(
    new Set(view.allowed),
    kind === "Role" ? role : null,
    kind === "Facilitator",
    view.deadline,
    view.limits,
    new Set(view.adjustableRecords),
    false,
    view.paused && !view.ended,
  );
}

function permissions(
  allowed: ReadonlySet<CommandKind>,
  me: Role | null,
  facilitator: boolean,
  deadline: string | null,
  limits: CommandLimits,
  adjustable: ReadonlySet<string>,
  replay: boolean,
  paused = false,
): Permissions {
  const may = (command: CommandKind) => allowed.has(command);
  return {
    submitOrders: may("SubmitOrders"),
    postMessage: may("PostMessage") || (paused && (me !== null || facilitator)),
    openGroup: me !== null,
    propose: may("Propose"),
    respond: (p) =>
      replay
        ? NO_ACTIONS
        : {
            accept: p.actions.includes("Accept"),
            reject: p.actions.includes("Reject"),
            counter: p.actions.includes("Counter"),
            withdraw: p.actions.includes("Withdraw"),
          },
    revoke: (a) => !replay && a.canRevoke,
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
    fireCard: (card) => !replay && card.canFire,
    adjust: (r) => adjustable.has(r.id),
    manageSeats: facilitator,
    limits,
  };
}
