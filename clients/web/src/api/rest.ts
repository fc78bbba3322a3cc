import type { CreatedGame, GameDetails, GameSummary, JoinAddresses, ReplayFrame, ScenarioSummary } from "./types";

/**
 * An HTTP error: the problem details' stable code (their title, such as "wrong-facilitator-key") and the server's
 * sentence for the user (their detail), shown next to the control that caused it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text();
  const fallback = text || response.statusText || `HTTP ${response.status}`;
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string };
    return new ApiError(response.status, problem.title ?? `http-${response.status}`, problem.detail ?? problem.title ?? fallback);
  } catch {
    // A plain-text body (a proxy's error page, the rate limiter's 429).
    return new ApiError(response.status, `http-${response.status}`, fallback);
  }
}

/** A JSON text sent or received as it is: saved games hold 64-bit seeds that JavaScript numbers would round. */
class RawJson {
  constructor(readonly text: string) {}
}

async function send(method: string, url: string, body?: unknown, facilitatorKey?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (facilitatorKey) headers["X-Facilitator-Key"] = facilitatorKey;
  let response: Response;
  try {
    const text = body === undefined ? undefined : body instanceof RawJson ? body.text : JSON.stringify(body);
    response = await fetch(url, { method, headers, body: text });
  } catch {
    throw new ApiError(0, "unreachable", "The server cannot be reached. Check the connection and try again.");
  }
  if (!response.ok) throw await readError(response);
  return response;
}

async function request<T>(method: string, url: string, body?: unknown, facilitatorKey?: string): Promise<T> {
  const response = await send(method, url, body, facilitatorKey);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  scenarios: () => request<ScenarioSummary[]>("GET", "/api/scenarios"),

  /** The network addresses students on other machines can open (none when the server listens on loopback only). */
  joinAddresses: () => request<JoinAddresses>("GET", "/api/join-addresses"),

  /** With this browser's facilitator key the new game joins the same facilitator's list. */
  createGame: (scenario: string, facilitatorKey?: string) =>
    request<CreatedGame>("POST", "/api/games", { scenario, seed: null }, facilitatorKey),

  /** Every game created with this facilitator key (scenario, date, turn and phase, ended). */
  games: (facilitatorKey: string) => request<GameSummary[]>("GET", "/api/games", undefined, facilitatorKey),

  /** The game with its join codes, seats and facilitator view; facilitator only. */
  game: (gameId: string, facilitatorKey: string) => request<GameDetails>("GET", `/api/games/${enc(gameId)}`, undefined, facilitatorKey),

  /** The saved-game JSON text (scenario, seed, events, hash), untouched; facilitator only. */
  exportGame: async (gameId: string, facilitatorKey: string) =>
    (await send("GET", `/api/games/${enc(gameId)}/export`, undefined, facilitatorKey)).text(),

  /** Registers a saved-game file's text as a new game on the server (to replay or continue it). */
  importGame: (savedGameText: string, facilitatorKey?: string) =>
    request<CreatedGame>("POST", "/api/games/import", new RawJson(savedGameText), facilitatorKey),

  /** A new game from this game's log up to the start of <turn>. */
  fork: (gameId: string, turn: number, facilitatorKey: string | undefined) =>
    request<CreatedGame>("POST", `/api/games/${enc(gameId)}/fork?turn=${turn}`, undefined, facilitatorKey),

  /** One replay frame: the steps of the whole game and the view of <audience> after <version>. */
  replay: (gameId: string, audience: string, version: number | undefined, facilitatorKey: string | undefined) =>
    request<ReplayFrame>(
      "GET",
      `/api/games/${enc(gameId)}/replay?audience=${enc(audience)}${version === undefined ? "" : `&version=${version}`}`,
      undefined,
      facilitatorKey,
    ),
};

/** "wargame-treaty-path-2026-03-02.json": the scenario and the day, so a folder of exports sorts and reads by itself. */
export function savedGameFileName(scenarioId: string, day: Date) {
  const date = day.toISOString().slice(0, 10);
  const name = scenarioId.replace(/[^A-Za-z0-9_-]+/g, "-") || "game";
  return `wargame-${name}-${date}.json`;
}

/** Fetches the saved game and hands it to the browser as a .json download named by scenario and date. */
export async function downloadSavedGame(gameId: string, facilitatorKey: string, scenarioId: string) {
  const saved = await api.exportGame(gameId, facilitatorKey);
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([saved], { type: "application/json" }));
  a.download = savedGameFileName(scenarioId, new Date());
  a.click();
  URL.revokeObjectURL(a.href);
}
