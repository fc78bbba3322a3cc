import * as signalR from "@microsoft/signalr";
import { MessagePackHubProtocol } from "@microsoft/signalr-protocol-msgpack";
import type {
  AdjustRequest,
  AgreementTerms,
  CommandResult,
  GameClient,
  GameHub,
  GuaranteePreviewResult,
  GuaranteeTerms,
  InjectRequest,
  MessageRequest,
  DeadlinePresets,
  Orders,
  ProposalResponse,
  Role,
} from "./types";

// The hub at /hubs/game (docs/hub-protocol.md): one typed function per method. Argument and result types come from
// the contract (GameHub in openapi.json); nothing else in the client names a hub method.

type Method = keyof GameHub;
type Arguments<M extends Method> = GameHub[M]["arguments"];
type Result<M extends Method> = GameHub[M]["returns"];
type Message = keyof GameClient;

/** The order in which each method takes its arguments; commands.test.ts checks it against the contract. */
export const ARGUMENT_ORDER = {
  JoinWithCode: ["code", "displayName"],
  JoinAsFacilitator: ["gameId", "facilitatorKey"],
  Resume: ["seatToken"],
  Resync: [],
  OlderMessages: ["members", "beforeId"],
  PostMessage: ["message"],
  Propose: ["terms"],
  RespondToProposal: ["proposalId", "response"],
  CounterProposal: ["proposalId", "terms"],
  RevokeAgreement: ["agreementId", "reason"],
  SubmitOrders: ["orders"],
  PreviewGuarantee: ["terms"],
  AdvancePhase: [],
  SetDeadline: ["seconds"],
  SetDeadlinePresets: ["presets"],
  ExtendDeadline: ["seconds"],
  Pause: [],
  ResumePlay: [],
  InjectEvent: ["inject"],
  AdjustAdjudication: ["adjustment"],
  AssignBot: ["role"],
  ReleaseSeat: ["seatId"],
  EndGame: [],
  RevealAll: [],
  AddNote: ["turn", "text"],
} as const satisfies { [M in Method]: readonly (keyof Arguments<M>)[] };

/** The same for what the server sends. */
export const MESSAGE_ORDER = {
  View: ["gameId", "view"],
  Update: ["gameId", "delta"],
  Seats: ["gameId", "seats"],
} as const satisfies { [M in Message]: readonly (keyof GameClient[M]["arguments"])[] };

/** What the client needs of a SignalR connection (a HubConnection; tests pass their own). */
export type HubLink = Pick<signalR.HubConnection, "state" | "invoke" | "on">;

/** A call that did not get a CommandResult: a refused join, an unreachable server, a server failure. */
export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NOT_CONNECTED = "Not connected to the server. Reconnecting; try again in a moment.";

/**
 * The one place that reads SignalR's error text. The server raises a refused join or a failure as a HubException
 * whose message is "stable-code: sentence for the user" (docs/hub-protocol.md); SignalR delivers only that text.
 */
export function hubError(error: unknown): HubError {
  if (error instanceof HubError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const marker = "HubException: ";
  const at = text.indexOf(marker);
  const coded = at >= 0 ? /^([a-z][a-z0-9-]*): (.*)$/s.exec(text.slice(at + marker.length)) : null;
  if (coded) return new HubError(coded[1], coded[2]);
  if (text.includes("connection is not in the 'Connected' State") || text.includes("Cannot send data"))
    return new HubError("not-connected", NOT_CONNECTED);
  return new HubError("server-error", "The server could not do that. Try again, or ask the facilitator.");
}

async function call<M extends Method>(link: HubLink | null, method: M, args: Arguments<M>): Promise<Result<M>> {
  if (!link || link.state !== signalR.HubConnectionState.Connected) throw new HubError("not-connected", NOT_CONNECTED);
  const names = ARGUMENT_ORDER[method] as readonly (keyof Arguments<M>)[];
  try {
    return await link.invoke<Result<M>>(method, ...names.map((name) => args[name]));
  } catch (error) {
    throw hubError(error);
  }
}

/** Taking a seat. A refusal rejects with a HubError carrying the server's code (unknown-code, unknown-seat, …). */
export function seatCommands(link: HubLink) {
  return {
    joinWithCode: (code: string, displayName: string) => call(link, "JoinWithCode", { code, displayName }),
    joinAsFacilitator: (gameId: string, facilitatorKey: string) => call(link, "JoinAsFacilitator", { gameId, facilitatorKey }),
    resume: (seatToken: string) => call(link, "Resume", { seatToken }),
    /** Asks for the seat's whole view again (after a missed delta); it arrives as a View push. */
    resync: () => call(link, "Resync", {}),
  };
}

/**
 * Playing and facilitating. Each resolves to the server's CommandResult; a call that could not get one resolves to a
 * refusal with the HubError's code, so a control shows every failure the same way. <paramref name="observe"/> sees
 * every result (the session forgets a released seat there).
 */
export function gameCommands(link: () => HubLink | null, observe?: (result: CommandResult) => void) {
  const command = async <M extends Method>(method: M, args: Arguments<M>): Promise<CommandResult> => {
    let result: CommandResult;
    try {
      result = (await call(link(), method, args)) as CommandResult;
    } catch (error) {
      const failure = hubError(error);
      result = { accepted: false, code: failure.code, message: failure.message, version: 0 };
    }
    observe?.(result);
    return result;
  };
  return {
    postMessage: (message: MessageRequest) => command("PostMessage", { message }),
    propose: (terms: AgreementTerms) => command("Propose", { terms }),
    respondToProposal: (proposalId: number, response: ProposalResponse) => command("RespondToProposal", { proposalId, response }),
    counterProposal: (proposalId: number, terms: AgreementTerms) => command("CounterProposal", { proposalId, terms }),
    revokeAgreement: (agreementId: number, reason: string) => command("RevokeAgreement", { agreementId, reason }),
    submitOrders: (orders: Orders) => command("SubmitOrders", { orders }),
    /** What draft guarantee terms would give if signed now, computed by the server's rules (a query: nothing changes). */
    previewGuarantee: async (terms: GuaranteeTerms): Promise<GuaranteePreviewResult> => {
      try {
        return await call(link(), "PreviewGuarantee", { terms });
      } catch (error) {
        const failure = hubError(error);
        return { accepted: false, code: failure.code, message: failure.message, preview: null };
      }
    },
    advancePhase: () => command("AdvancePhase", {}),
    /** Null clears the deadline. */
    setDeadline: (seconds: number | null) => command("SetDeadline", { seconds }),
    /** The session plan: each phase's deadline in seconds (null: none), started whenever that phase opens. */
    setDeadlinePresets: (presets: DeadlinePresets) => command("SetDeadlinePresets", { presets }),
    extendDeadline: (seconds: number) => command("ExtendDeadline", { seconds }),
    pause: () => command("Pause", {}),
    resumePlay: () => command("ResumePlay", {}),
    injectEvent: (inject: InjectRequest) => command("InjectEvent", { inject }),
    adjustAdjudication: (adjustment: AdjustRequest) => command("AdjustAdjudication", { adjustment }),
    assignBot: (role: Role) => command("AssignBot", { role }),
    releaseSeat: (seatId: string) => command("ReleaseSeat", { seatId }),
    endGame: () => command("EndGame", {}),
    revealAll: () => command("RevealAll", {}),
    addNote: (turn: number, text: string) => command("AddNote", { turn, text }),
    /**
     * A channel's messages older than <beforeId> (the oldest the view holds), a page at a time; the channel is named by
     * its roles (none for the public one). A refusal rejects with a HubError.
     */
    olderMessages: (members: Role[], beforeId: number) => call(link(), "OlderMessages", { members, beforeId }),
  };
}

export type GameCommands = ReturnType<typeof gameCommands>;

/** Subscribes to one of the server's messages, handing over its arguments by name. */
export function onMessage<M extends Message>(link: HubLink, message: M, handler: (args: GameClient[M]["arguments"]) => void) {
  const names: readonly string[] = MESSAGE_ORDER[message];
  link.on(message, (...values: unknown[]) =>
    handler(Object.fromEntries(names.map((name, i) => [name, values[i]])) as GameClient[M]["arguments"]),
  );
}

export type HubProtocolName = "json" | "msgpack";

const PROTOCOL_KEY = "wargame.protocol";

/**
 * The hub protocol this tab speaks: JSON, or MessagePack when a page was opened with ?protocol=msgpack (and back
 * with ?protocol=json); the choice is kept for the tab. Both carry the same records in the same shape.
 */
export function hubProtocol(search: string = window.location.search, session: Storage = window.sessionStorage): HubProtocolName {
  const asked = new URLSearchParams(search).get("protocol");
  if (asked === "json" || asked === "msgpack") session.setItem(PROTOCOL_KEY, asked);
  return session.getItem(PROTOCOL_KEY) === "msgpack" ? "msgpack" : "json";
}

export function createConnection(protocol: HubProtocolName = hubProtocol()): signalR.HubConnection {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/game")
    // Keep trying for as long as the page is open: a seminar room's Wi-Fi drops and comes back.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 + ctx.previousRetryCount * 1000, 5000) })
    .configureLogging(signalR.LogLevel.Warning);
  if (protocol === "msgpack") builder.withHubProtocol(new MessagePackHubProtocol());
  return builder.build();
}
