// Merging the server's view deltas (docs/hub-protocol.md), as the browser's game store does: a delta holds the
// view's changed sections whole, a changed list as the indices of old items it drops, its new length and the items
// that differ by index, the sections that may be null wrapped in { value }, and the map as its changed parts, each
// wrapped in { value }. It applies only to its audience's view at its baseVersion.

const WRAPPED = new Set(['deadline', 'pausedRemainingSeconds', 'russianOutlook', 'russianBelief']);
const IN_PARTS = new Set(['map']);
const HEADER = new Set(['audience', 'baseVersion', 'version']);

/** { kind: 'applied', view } | { kind: 'stale' } (already held, or no view yet) | { kind: 'gap' } (a delta was missed). */
export function applyDelta(current, delta) {
  if (!current) return { kind: 'stale' };
  const sameAudience = current.audience.kind === delta.audience.kind && (current.audience.role ?? null) === (delta.audience.role ?? null);
  if (!sameAudience || delta.version <= current.version) return { kind: 'stale' };
  if (delta.baseVersion !== current.version) return { kind: 'gap' };
  const view = { ...current, version: delta.version };
  for (const [name, value] of Object.entries(delta)) {
    if (HEADER.has(name) || value === undefined || value === null) continue;
    if (WRAPPED.has(name)) view[name] = value.value;
    else if (IN_PARTS.has(name)) {
      view[name] = { ...view[name] };
      for (const [part, changed] of Object.entries(value)) view[name][part] = changed.value;
    }
    else if (Array.isArray(view[name]) && !Array.isArray(value)) {
      const removed = new Set(value.removed ?? []);
      const list = view[name].filter((_, i) => !removed.has(i)).slice(0, value.length);
      for (const { index, item } of value.items) list[index] = item;
      view[name] = list;
    } else view[name] = value;
  }
  return { kind: 'applied', view };
}
