import { parseArgs } from 'node:util';
import { isIP } from 'node:net';

export const SCENARIOS = ['idle-games', 'connections', 'play', 'hostile', 'flood', 'bare', 'boardgameio', 'compare'];
export const PROTOCOLS = ['json', 'msgpack'];
export const TARGETS = ['bare', 'boardgameio', 'wargame'];

// Upper bounds keep every run bounded in count, whatever the flags say.
const LIMITS = { games: 20_000, connections: 50_000, turns: 40, observers: 50, concurrency: 1_000, sourceAddresses: 250, timeout: 1_800, hold: 600, ops: 10_000, rounds: 20, warmupPasses: 10 };

export const USAGE = `Usage: node src/cli.mjs <${SCENARIOS.join('|')}> [options]

Scenarios
  idle-games   create --games games with POST /api/games (then --activate wakes each game's grain)
  connections  create --games games and hold --connections hub connections (every role's seat, then observers)
  play         --games games, each with four role connections, a facilitator and --observers observers,
               playing --turns turns (statements, a proposal and its acceptance, orders, phase advances);
               after each command it waits for the view carrying it at every seat that may see it
  hostile      the play load twice on one server, alone and beside one more game whose seats flood it at
               --flood-rate calls a second each (messages, proposals to the cap, pages, orders out of phase)
               while a joiner joins with its observer code --join-rate times a second; prints both side by side.
               The flood runs in a process of its own (node src/cli.mjs flood), so it does not share the
               playing games' event loop
  flood        the hostile game's flood alone, until SIGTERM or --hold seconds (what hostile starts as its own
               process); prints a line 'flooding' once it floods, then its report
  bare         the same connections against the bare SignalR hub (benchmarks/Wargame.BareHub): --games
               groups, each connection joins its group, --ops sends of ~1 KB to the group of each
  boardgameio  the same against a boardgame.io 0.50 server (node src/boardgameio/server.mjs): --games matches
               of six players, --ops moves each, every move waited for at all six
  compare      builds (Release) and starts the bare hub, a boardgame.io server (if its package is installed)
               and Wargame on free loopback ports, one after another, runs bare, the boardgame.io match and
               play on each with the same sizes, and prints them side by side with their ratios

Options
  --url URL              server to load, loopback only (default http://127.0.0.1:5080)
  --timeout S            hard limit for the whole run in seconds; the run stops itself (default 120)
  --games N              games (groups) to create (default: 100 idle-games, 50 connections, 10 play and
                         bare, 100 compare)
  --connections N        connections to hold (connections; default 4 per game)
  --hold S               seconds to hold the connections open (connections; default 10), or to flood at most (flood)
  --turns N              turns to play (play, hostile; default 2, compare 3; at most the scenario's turns)
  --observers N          observer connections per game (play; default 1)
  --scenario ID          scenario id (default: the first from GET /api/scenarios with enough turns)
  --concurrency N        REST calls and joins in flight at once (default 32)
  --source-addresses N   spread REST calls (and the connections scenario's hub connections) over 127.0.0.1..127.0.0.N,
                         as N facilitators' machines would (the server limits game creation to 60 a minute per
                         address; one address reaches one port with at most ~28,000 connections; default 1)
  --activate             idle-games: after creating, GET /api/games/{id} with the key, which activates each game's grain
  --think-ms N           play, hostile: pause between a game's steps, like players reading (default 0)
  --warmup N             play, hostile, bare, boardgameio, compare: first play --warmup-turns turns of N other games (groups) so
                         the server's JIT is warm before measuring (default: --games, at most 10; compare: --games; 0 skips)
  --warmup-turns N       turns each warm-up game plays (default 1; compare: --turns). Wargame's server reaches its
                         steady CPU per command only after two or three full-size runs (its tiered JIT recompiles hot code)
  --warmup-passes N      play, bare, boardgameio, compare: repeat the warm-up up to N times while the server's CPU per
                         command still falls by more than a tenth from one pass to the next (needs the server's pid:
                         --server-pid, or compare's own servers; default 1, compare 5)
  --ops N                bare, boardgameio: sends (moves) per group (default: the commands a game sends in --turns turns of play)
  --protocol P           hub protocol: json or msgpack (default json)
  --rounds N             compare, hostile: run the targets (hostile: alone and beside the flood) N times, every
                         other time in reverse order (default 1)
  --flood-rate N         hostile: calls a second from each flooding seat (default 20; the server lets a player
                         seat send 2 commands and 0.5 messages a second)
  --flood-seats N        hostile: seats of each role in the hostile game, all flooding (default 2; the seats of one
                         role share its budget); the facilitator floods too (notes, deadlines, pages)
  --flood-nice N         hostile: nice value of the flooding process, 0-19 (default 0); on one shared machine a
                         positive value keeps the attacker's own CPU from counting as the server's slowdown
  --flood-in-process     hostile: run the flood in the load generator's own process (as before), not in a child
  --join-rate N          hostile: joins a second with the hostile game's observer code (default 5; the server
                         allows 60 a minute per code and 100 seats per game)
  --targets LIST         compare: which of ${TARGETS.join(',')} to run (default all; boardgameio is skipped
                         when its package is not installed)
  --no-build             compare: start the binaries as built, without dotnet build -c Release first
  --command-timeout S    longest wait for one hub call or view (default 30)
  --server-pid PID       read the server process's VmRSS from /proc/PID/status before, during and after
  --json                 print the report as JSON instead of the summary
  --help                 this text`;

/** Parses and checks the command line; throws an Error naming what was wrong. */
export function parseOptions(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:5080' },
      timeout: { type: 'string', default: '120' },
      games: { type: 'string' },
      connections: { type: 'string' },
      hold: { type: 'string', default: '10' },
      turns: { type: 'string' },
      observers: { type: 'string', default: '1' },
      scenario: { type: 'string' },
      concurrency: { type: 'string', default: '32' },
      'source-addresses': { type: 'string', default: '1' },
      activate: { type: 'boolean', default: false },
      'think-ms': { type: 'string', default: '0' },
      'command-timeout': { type: 'string', default: '30' },
      'server-pid': { type: 'string' },
      warmup: { type: 'string' },
      'warmup-turns': { type: 'string' },
      'warmup-passes': { type: 'string' },
      ops: { type: 'string' },
      protocol: { type: 'string', default: 'json' },
      rounds: { type: 'string', default: '1' },
      'flood-rate': { type: 'string', default: '20' },
      'join-rate': { type: 'string', default: '5' },
      'flood-seats': { type: 'string', default: '2' },
      'flood-in-process': { type: 'boolean', default: false },
      'flood-nice': { type: 'string', default: '0' },
      targets: { type: 'string', default: TARGETS.join(',') },
      'no-build': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true };
  if (positionals.length !== 1 || !SCENARIOS.includes(positionals[0]))
    throw new Error(`Name one scenario: ${SCENARIOS.join(', ')} (got ${positionals.length ? positionals.join(' ') : 'none'}).`);
  const scenario = positionals[0];
  const defaultGames = { 'idle-games': 100, connections: 50, play: 10, hostile: 10, flood: 1, bare: 10, boardgameio: 10, compare: 100 }[scenario];
  const games = integer('games', values.games ?? String(defaultGames), 1, LIMITS.games);
  const url = loopbackUrl(values.url);
  const sourceAddresses = integer('source-addresses', values['source-addresses'], 1, LIMITS.sourceAddresses);
  if (sourceAddresses > 1 && !/^127\./.test(url.hostname))
    throw new Error('--source-addresses needs an IPv4 loopback --url such as http://127.0.0.1:5080.');
  if (!PROTOCOLS.includes(values.protocol)) throw new Error(`--protocol must be ${PROTOCOLS.join(' or ')}, not '${values.protocol}'.`);
  const targets = values.targets.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = targets.filter((t) => !TARGETS.includes(t));
  if (targets.length === 0 || unknown.length > 0) throw new Error(`--targets takes a list of ${TARGETS.join(', ')}; '${unknown.join(',') || values.targets}' is not one.`);
  const turns = integer('turns', values.turns ?? (scenario === 'compare' ? '3' : '2'), 1, LIMITS.turns);
  return {
    scenario,
    url,
    timeoutMs: integer('timeout', values.timeout, 1, LIMITS.timeout) * 1000,
    games,
    connections: integer('connections', values.connections ?? String(games * 4), 1, LIMITS.connections),
    holdMs: integer('hold', values.hold, 0, LIMITS.hold) * 1000,
    turns,
    observers: integer('observers', values.observers, 0, LIMITS.observers),
    scenarioId: values.scenario ?? null,
    concurrency: integer('concurrency', values.concurrency, 1, LIMITS.concurrency),
    sourceAddresses,
    activate: values.activate,
    thinkMs: integer('think-ms', values['think-ms'], 0, 60_000),
    warmup: integer('warmup', values.warmup ?? String(scenario === 'compare' ? games : Math.min(games, 10)), 0, LIMITS.games),
    warmupTurns: integer('warmup-turns', values['warmup-turns'] ?? (scenario === 'compare' ? String(turns) : '1'), 1, LIMITS.turns),
    warmupPasses: integer('warmup-passes', values['warmup-passes'] ?? (scenario === 'compare' ? '5' : '1'), 1, LIMITS.warmupPasses),
    ops: values.ops === undefined ? null : integer('ops', values.ops, 1, LIMITS.ops),
    protocol: values.protocol,
    rounds: integer('rounds', values.rounds, 1, LIMITS.rounds),
    floodRate: integer('flood-rate', values['flood-rate'], 1, 200),
    joinRate: integer('join-rate', values['join-rate'], 1, 50),
    floodSeats: integer('flood-seats', values['flood-seats'], 1, 10),
    floodInProcess: values['flood-in-process'],
    floodNice: integer('flood-nice', values['flood-nice'], 0, 19),
    targets: TARGETS.filter((t) => targets.includes(t)),
    build: !values['no-build'],
    commandTimeoutMs: integer('command-timeout', values['command-timeout'], 1, 600) * 1000,
    serverPid: values['server-pid'] === undefined ? null : integer('server-pid', values['server-pid'], 1, 2 ** 31),
    json: values.json,
  };
}

/** The server URL if its host is a loopback address; anything else is refused. */
export function loopbackUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--url '${text}' is not a URL; use one like http://127.0.0.1:5080.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--url must be http or https, not ${url.protocol}`);
  if (!isLoopbackHost(url.hostname))
    throw new Error(`--url host '${url.hostname}' is not a loopback address; the load generator only targets 127.0.0.0/8, localhost or [::1].`);
  return url;
}

/** An absolute address on the server for `path` ("/api/games"), keeping any base path of the server URL. */
export function endpoint(url, path) {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`;
}

export function isLoopbackHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

function integer(name, text, min, max) {
  if (!/^\d+$/.test(text ?? '')) throw new Error(`--${name} must be a whole number, not '${text}'.`);
  const value = Number(text);
  if (value < min || value > max) throw new Error(`--${name} must be from ${min} to ${max}; ${value} is outside that.`);
  return value;
}
