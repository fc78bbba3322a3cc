import { performance } from 'node:perf_hooks';
import { inParallel, round } from '../stats.mjs';
import { Seat, errorCode } from '../hub.mjs';
import { perItemKiB } from '../server-memory.mjs';
import { measurePhase, warmUp } from '../run.mjs';
import { commandsPerGame } from './play.mjs';

export const BARE_HUB_PATH = '/hubs/bare';

/**
 * The baseline: the connections of `play` (five plus the observers per game) against the bare SignalR hub
 * of benchmarks/Wargame.BareHub. Each connection joins its group as a seat joins a game; then, group by group
 * and one call at a time, members take turns to `Send`, which pushes ~1 KB to every member, and the call waits
 * until all of them hold it. What SignalR alone costs for the calls and pushes a game makes.
 */
export async function bare(run) {
  const { options, memory, result } = run;
  const ops = options.ops ?? commandsPerGame(options.turns);
  result.opsPerGroup = ops;
  if (options.warmup > 0) result.warmup = await warmUp(run, warmUpGroups(ops));

  memory.mark('before');
  const groups = await joinGroups(run, 'g', options.games);
  const ready = groups.filter((g) => g.ready);
  memory.mark('after-join');

  const bytesBefore = ready.map((g) => g.members.map((m) => m.bytesReceived));
  result.play = await measurePhase(run, 'after-join', 'after-play', async () => {
    const completed = await Promise.all(ready.map((group) => sendAll(run, group, ops)));
    return { groupsCompleted: completed.filter(Boolean).length };
  });
  const bytes = ready.reduce((n, g, i) => n + g.members.reduce((m, s, k) => m + s.bytesReceived - bytesBefore[i][k], 0), 0);
  const audiences = ready.reduce((n, g) => n + g.members.length, 0);
  result.play.bytesPerCommandPerAudience = result.play.accepted === 0 ? null : { mean: Math.round(bytes / result.play.accepted / (audiences / ready.length)) };

  run.stopping = true;
  await inParallel(groups.flatMap((g) => g.members), options.concurrency, { aborted: false }, (seat) => seat.close());
  memory.mark('after-close');
  if (memory.enabled) result.memoryPerGroupKiB = perItemKiB(memory, 'before', 'after-play', ready.length);
}

/** Joins `count` groups of members; `prefix` keeps warm-up groups apart from the measured ones. */
async function joinGroups(run, prefix, count) {
  const { options, result } = run;
  const size = 5 + options.observers;
  const groups = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    members: Array.from({ length: size }, (_, k) => new Seat(run, `member ${i}.${k}`, { hubPath: BARE_HUB_PATH })),
    ready: false,
  }));
  const started = performance.now();
  await inParallel(groups, Math.max(1, Math.floor(options.concurrency / 4)), run.signal, async (group) => {
    const joins = await Promise.all(group.members.map((seat) => seat.open('Join', group.id)));
    group.ready = joins.every(Boolean);
  });
  result.join = { groups: groups.length, readyGroups: groups.filter((g) => g.ready).length, connections: groups.reduce((n, g) => n + g.members.filter((s) => s.join).length, 0), seconds: round((performance.now() - started) / 1000) };
  return groups;
}

/** `ops` sends, members in turn, each waiting for its push at every member; returns whether all were delivered. */
async function sendAll(run, group, ops) {
  const { members } = group;
  for (const seat of members) seat.strict = true;
  for (let version = 1; version <= ops; version++) {
    if (run.signal.aborted) return false;
    const watches = members.filter((s) => !s.closed).map((s) => s.watch((v) => v.version === version));
    const sent = await members[(version - 1) % members.length].command('Send', version);
    if (!sent?.result?.accepted) {
      for (const w of watches) w.cancel();
      run.errors.add(`group stopped: Send ${version} ${sent ? `refused (${sent.result?.code})` : 'failed'}`);
      return false;
    }
    const arrivals = await Promise.allSettled(watches.map((w) => w.arrival(run.commandTimeoutMs)));
    for (const a of arrivals) {
      if (a.status === 'fulfilled') run.stats.viewPush.add(a.value - sent.sent);
      else run.errors.add(`view: ${errorCode(a.reason)}`);
    }
    if (arrivals.some((a) => a.status === 'rejected')) return false;
  }
  return true;
}

/** One turn's worth of sends in `--warmup` other groups. */
function warmUpGroups(ops) {
  return async (warm) => {
    const groups = await joinGroups(warm, 'warm', warm.options.warmup);
    await Promise.all(groups.filter((g) => g.ready).map((group) => sendAll(warm, group, Math.min(ops, commandsPerGame(1)))));
    return { seats: groups.flatMap((g) => g.members), groups: groups.length };
  };
}
