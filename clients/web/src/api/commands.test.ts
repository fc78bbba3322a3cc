import { HubConnectionState } from "@microsoft/signalr";
import { describe, expect, it } from "vitest";
import contract from "../../openapi.json";
import { ARGUMENT_ORDER, gameCommands, HubError, hubError, hubProtocol, MESSAGE_ORDER, seatCommands, type HubLink } from "./commands";
import type { CommandResult } from "./types";

interface MethodSchema {
  /** A method without arguments has an arguments object without properties. */
  properties: { arguments: { properties?: Record<string, unknown> } };
}

const schemas = contract.components.schemas as unknown as Record<string, { properties: Record<string, MethodSchema> }>;
const argumentNames = (schema: string) =>
  Object.fromEntries(
    Object.entries(schemas[schema].properties).map(([method, s]) => [method, Object.keys(s.properties.arguments.properties ?? {})]),
  );

/** A connection that records what is invoked and answers with <answer>. */
function recordingLink(answer: (method: string, args: unknown[]) => Promise<unknown>, state = HubConnectionState.Connected) {
  const calls: { method: string; args: unknown[] }[] = [];
  const link = {
    state,
    invoke: (method: string, ...args: unknown[]) => {
      calls.push({ method, args });
      return answer(method, args);
    },
    on: () => undefined,
  } as unknown as HubLink;
  return { link, calls };
}

const ok: CommandResult = { accepted: true, code: null, message: null, version: 7 };

describe("the hub contract", () => {
  it("passes every method's arguments in the order the server declares them", () => {
    expect(ARGUMENT_ORDER).toEqual(argumentNames("GameHub"));
  });

  it("reads every message the server sends in its declared order", () => {
    expect(MESSAGE_ORDER).toEqual(argumentNames("GameClient"));
  });
});

describe("game commands", () => {
  it("send their arguments positionally under the hub method's name", async () => {
    const { link, calls } = recordingLink(() => Promise.resolve(ok));
    const commands = gameCommands(() => link);
    expect(await commands.respondToProposal(481516, "Accept")).toEqual(ok);
    await commands.setDeadline(null);
    await commands.advancePhase();
    expect(calls).toEqual([
      { method: "RespondToProposal", args: [481516, "Accept"] },
      { method: "SetDeadline", args: [null] },
      { method: "AdvancePhase", args: [] },
    ]);
  });

  it("refuse with not-connected, without calling, while the connection is down", async () => {
    const { link, calls } = recordingLink(() => Promise.resolve(ok), HubConnectionState.Reconnecting);
    const result = await gameCommands(() => link).pause();
    expect(result).toMatchObject({ accepted: false, code: "not-connected" });
    expect(calls).toHaveLength(0);
    expect((await gameCommands(() => null).pause()).code).toBe("not-connected");
  });

  it("turn a failed call into a refusal with the server's code, and let the session observe every result", async () => {
    const { link } = recordingLink(() =>
      Promise.reject(
        new Error(
          "An unexpected error occurred invoking 'EndGame' on the server. HubException: game-not-found: That game no longer exists.",
        ),
      ),
    );
    const seen: CommandResult[] = [];
    const result = await gameCommands(
      () => link,
      (r) => seen.push(r),
    ).endGame();
    expect(result).toEqual({ accepted: false, code: "game-not-found", message: "That game no longer exists.", version: 0 });
    expect(seen).toEqual([result]);
  });
});

describe("seat commands", () => {
  it("reject a refused join with a HubError carrying the server's code", async () => {
    const { link } = recordingLink(() =>
      Promise.reject(
        new Error(
          "Failed to invoke 'JoinWithCode'. HubException: unknown-code: That join code is not valid. Check it with your facilitator.",
        ),
      ),
    );
    const refusal = await seatCommands(link)
      .joinWithCode("AAAA-BBBB", "Olena")
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(HubError);
    expect(refusal).toMatchObject({ code: "unknown-code", message: "That join code is not valid. Check it with your facilitator." });
  });
});

describe("hubError", () => {
  it("keeps server details off the screen when the server sent no code", () => {
    const error = hubError(new Error("Failed to invoke 'X' due to an error on the server. InvalidDataException: Error binding arguments."));
    expect(error.code).toBe("server-error");
    expect(error.message).not.toContain("InvalidDataException");
  });

  it("names a send on a closed connection not-connected", () => {
    expect(hubError(new Error("Cannot send data if the connection is not in the 'Connected' State.")).code).toBe("not-connected");
  });
});

describe("hubProtocol", () => {
  const memory = (): Storage => {
    const items = new Map<string, string>();
    return {
      get length() {
        return items.size;
      },
      clear: () => items.clear(),
      getItem: (key) => items.get(key) ?? null,
      key: (i) => [...items.keys()][i] ?? null,
      removeItem: (key) => void items.delete(key),
      setItem: (key, value) => void items.set(key, value),
    };
  };

  it("speaks JSON unless the page asks for MessagePack, and keeps the choice for the tab", () => {
    const session = memory();
    expect(hubProtocol("", session)).toBe("json");
    expect(hubProtocol("?protocol=msgpack", session)).toBe("msgpack");
    expect(hubProtocol("?game=g_1", session)).toBe("msgpack");
    expect(hubProtocol("?protocol=json", session)).toBe("json");
    expect(hubProtocol("?protocol=xml", session)).toBe("json");
  });
});
