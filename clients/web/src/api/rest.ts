import type { CreatedGame, GameView, ScenarioSummary } from "./types";

/** An HTTP error with the server's own message, shown next to the control that caused it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let message = text || response.statusText || `HTTP ${response.status}`;
  try {
    const body = JSON.parse(text) as { message?: string; detail?: string; title?: string; error?: string };
    message = body.message ?? body.detail ?? body.error ?? body.title ?? message;
  } catch {
    // plain text body
  }
  return new ApiError(response.status, message);
}

async function request<T>(method: string, url: string, body?: unknown, facilitatorKey?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (facilitatorKey) headers["X-Facilitator-Key"] = facilitatorKey;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "The server cannot be reached. Check the connection and try again.");
  }
  if (!response.ok) throw await readError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  scenarios: () => request<ScenarioSummary[]>("GET", "/api/scenarios"),

  createGame: (scenarioId: string, seed?: number) =>
    request<CreatedGame>("POST", "/api/games", seed === undefined ? { scenarioId } : { scenarioId, seed }),

  /** The saved-game JSON (scenario, seed, events); facilitator only. */
  exportGame: (gameId: string, facilitatorKey: string) =>
    request<unknown>("GET", `/api/games/${enc(gameId)}/export`, undefined, facilitatorKey),

  /** Replay frames of a game on the server: one step per event that moved the clock. */
  replay: (gameId: string, facilitatorKey: string | undefined) =>
    request<ReplayIndex>("GET", `/api/games/${enc(gameId)}/replay`, undefined, facilitatorKey),

  replayView: (gameId: string, version: number, audience: string, facilitatorKey: string | undefined) =>
    request<GameView>(
      "GET",
      `/api/games/${enc(gameId)}/replay/${version}?audience=${enc(audience)}`,
      undefined,
      facilitatorKey,
    ),

  /** Loads a saved-game file for replay; the server keeps it as a read-only replay. */
  importReplay: (savedGame: unknown) => request<ReplayIndex>("POST", "/api/replays", savedGame),

  importedReplayView: (replayId: string, version: number, audience: string) =>
    request<GameView>("GET", `/api/replays/${enc(replayId)}/${version}?audience=${enc(audience)}`),

  /** Starts a new game from the log of a game (or imported replay) up to a version. */
  fork: (source: { gameId?: string; replayId?: string }, version: number, facilitatorKey: string | undefined) =>
    request<CreatedGame>(
      "POST",
      source.gameId ? `/api/games/${enc(source.gameId)}/fork` : `/api/replays/${enc(source.replayId ?? "")}/fork`,
      { version },
      facilitatorKey,
    ),
};

export interface ReplayStep {
  version: number;
  turn: number;
  phase: string;
  label?: string;
}

export interface ReplayIndex {
  gameId?: string;
  replayId?: string;
  scenario?: ScenarioSummary;
  revealed: boolean;
  steps: ReplayStep[];
}
