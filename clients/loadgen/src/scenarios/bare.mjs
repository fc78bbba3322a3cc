import { Seat } from '../hub.mjs';
import { groupScenario } from './groups.mjs';

export const BARE_HUB_PATH = '/hubs/bare';

/**
 * The baseline: the connections of `play` (five plus the observers per game) against the bare SignalR hub of
 * benchmarks/Wargame.BareHub, driven by the same `Seat`. Each connection joins its group as a seat joins a
 * game; then members take turns to `Send`, which pushes ~1 KB to every member, and each call waits until all
 * of them hold it. What SignalR alone costs for the calls and pushes a game makes.
 */
export function bare(run) {
  return groupScenario(run, {
    async join(run, group) {
      const size = 5 + run.options.observers;
      group.members = Array.from({ length: size }, (_, k) => new Seat(run, `member ${group.id}.${k}`, { hubPath: BARE_HUB_PATH }));
      return (await Promise.all(group.members.map((seat) => seat.open('Join', group.id)))).every(Boolean);
    },
    call: (seat, version) => seat.command('Send', version),
    carries: (version) => (view) => view.version === version,
  });
}
