import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { endpoint } from './options.mjs';

/**
 * The server's REST API over keep-alive connections. With several source addresses, calls are spread over
 * 127.0.0.1..127.0.0.N round-robin, so each address stands for one facilitator's machine.
 */
export class RestClient {
  #url;
  #agents;
  #next = 0;
  #timeoutMs;

  constructor(url, { sourceAddresses = 1, timeoutMs = 30_000 } = {}) {
    this.#url = url;
    this.#timeoutMs = timeoutMs;
    const Agent = url.protocol === 'https:' ? https.Agent : http.Agent;
    this.#agents = Array.from({ length: sourceAddresses }, (_, i) =>
      new Agent({ keepAlive: true, maxSockets: 64, ...(sourceAddresses > 1 ? { localAddress: `127.0.0.${i + 1}` } : {}) }));
  }

  /** Resolves with { status, body, ms }; rejects only when no HTTP answer came (refused, reset, timeout). */
  request(method, path, { body, headers = {} } = {}) {
    const agent = this.#agents[this.#next++ % this.#agents.length];
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const transport = this.#url.protocol === 'https:' ? https : http;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = transport.request(endpoint(this.#url, path), {
        method,
        agent,
        timeout: this.#timeoutMs,
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch { /* not JSON: keep the text */ }
          resolve({ status: res.statusCode, body: parsed, ms: performance.now() - started });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path} had no answer in ${this.#timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async scenarios() {
    const res = await this.request('GET', '/api/scenarios');
    if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`GET /api/scenarios answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  createGame(scenarioId) {
    return this.request('POST', '/api/games', { body: { scenario: scenarioId } });
  }

  getGame(gameId, facilitatorKey) {
    return this.request('GET', `/api/games/${encodeURIComponent(gameId)}`, { headers: { 'X-Facilitator-Key': facilitatorKey } });
  }

  close() {
    for (const agent of this.#agents) agent.destroy();
  }
}

/** Picks the requested scenario, or the first with at least `turns` turns. */
export async function chooseScenario(rest, requested, turns = 1) {
  const scenarios = await rest.scenarios();
  if (requested) {
    const found = scenarios.find((s) => s.id === requested);
    if (!found) throw new Error(`The server has no scenario '${requested}'; it has ${scenarios.map((s) => s.id).join(', ')}.`);
    return found;
  }
  const fit = scenarios.find((s) => s.turns >= turns);
  if (!fit) throw new Error(`No scenario on the server has ${turns} turns.`);
  return fit;
}

/** A problem title from an RFC 7807 body, or the status. */
export const problemCode = (res) => (res.body && typeof res.body === 'object' && res.body.title) ? `${res.status} ${res.body.title}` : `${res.status}`;
