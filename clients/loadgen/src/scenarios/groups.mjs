import { performance } from 'node:perf_hooks';
import { inParallel, round } from '../stats.mjs';
import { errorCode } from '../hub.mjs';
import { perItemKiB } from '../server-memory.mjs';
import { measurePhase, warmUp } from '../run.mjs';
import { commandsPerGame } from './play.mjs';

/**
 * What the baselines share: groups of connections (a game's worth each) where members take turns to make one
 * call at a time, and each call is waited for at every member. A target gives
 * - `join(run, group)`: opens `group.members` (each with `joined`, `closed`, `bytesReceived`, `watch`, `close`) and
 *   resolves whether all joined;
 * - `call(member, version)`: makes call number `version`, resolving `{ result: { accepted }, sent }` or null;
 * - `carries(version)`: recognises that call in a pushed message.
 * `--ops` calls per group (default: as many as a Wargame game sends in `--turns` turns), after a warm-up.
 */
export async function groupScenario(run, target) {
  const { options, memory, result } = run;
  const ops = options.ops ?? commandsPerGame(options.turns);
  result.opsPerGroup = ops;
  if (options.warmup > 0) {
    result.warmup = await warmUp(run, async (warm) => {
      const groups = await joinGroups(warm, target, 'warm', options.warmup);
      await warm.playing(() => Promise.all(groups.filter((g) => g.ready).map((g) => callInTurn(warm, target, g, Math.min(ops, commandsPerGame(options.warmupTurns))))));
      return { seats: groups.flatMap((g) => g.members), groups: groups.length };
    });
  }

  memory.mark('before');
  const groups = await joinGroups(run, target, 'g', options.games);
  const ready = groups.filter((g) => g.ready);
  memory.mark('after-join');

  const bytesBefore = ready.map((g) => g.members.map((m) => m.bytesReceived));
  result.play = await measurePhase(run, 'after-join', 'after-play', async () => {
    const completed = await Promise.all(ready.map((group) => callInTurn(run, target, group, ops)));
    return { groupsCompleted: completed.filter(Boolean).length };
  });
  const bytes = ready.reduce((n, g, i) => n + g.members.reduce((m, s, k) => m + s.bytesReceived - bytesBefore[i][k], 0), 0);
  const membersPerGroup = ready.length === 0 ? 0 : ready.reduce((n, g) => n + g.members.length, 0) / ready.length;
  result.play.bytesPerCommandPerAudience = result.play.accepted === 0 ? null : { mean: Math.round(bytes / result.play.accepted / membersPerGroup) };

  run.stopping = true;
  await inParallel(groups.flatMap((g) => g.members), options.concurrency, { aborted: false }, (member) => member.close());
  memory.mark('after-close');
  if (memory.enabled) result.memoryPerGroupKiB = perItemKiB(memory, 'before', 'after-play', ready.length);
}

/** Joins `count` groups; `prefix` keeps the warm-up's groups apart from the measured ones. */
async function joinGroups(run, target, prefix, count) {
  const groups = Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, members: [], ready: false }));
  const started = performance.now();
  await inParallel(groups, Math.max(1, Math.floor(run.options.concurrency / 4)), run.signal, async (group) => {
    group.ready = await target.join(run, group);
  });
  run.result.join = {
    groups: groups.length,
    readyGroups: groups.filter((g) => g.ready).length,
    connections: groups.reduce((n, g) => n + g.members.filter((m) => m.joined).length, 0),
    seconds: round((performance.now() - started) / 1000),
  };
  return groups;
}

/** `ops` calls, members in turn, each waited for at every member; returns whether all were delivered. */
async function callInTurn(run, target, group, ops) {
  const { members } = group;
  for (const member of members) member.strict = true;
  for (let version = 1; version <= ops; version++) {
    if (run.signal.aborted) return false;
    const watches = members.filter((m) => !m.closed).map((m) => m.watch(target.carries(version)));
    const sent = await target.call(members[(version - 1) % members.length], version);
    if (!sent?.result?.accepted) {
      for (const w of watches) w.cancel();
      run.errors.add(`group stopped: call ${version} ${sent ? `refused (${sent.result?.code})` : 'failed'}`);
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
