// A cheap check, on the client, that a pushed view holds only what its audience may see (see GameViews.For).
// Before the records are revealed: a role sees its own private record, hidden quantities, orders and scores,
// the public channel and private channels it is in, proposals it makes or is party to, and every signed agreement.

const SIGNED = new Set(['AwaitingRatification', 'InForce', 'Tested', 'Violated', 'Revoked', 'Expired']);

/** The audience a seat's views must carry: { kind: 'Role', role } | { kind: 'Facilitator' } | { kind: 'Public' }. */
export const roleAudience = (role) => ({ kind: 'Role', role });
export const FACILITATOR = Object.freeze({ kind: 'Facilitator', role: null });
export const PUBLIC = Object.freeze({ kind: 'Public', role: null });

/** Problems with `view` for a seat of `expected` audience; an empty array when it is entitled to everything in it. */
export function entitlementProblems(view, expected) {
  const problems = [];
  if (!view || typeof view !== 'object') return ['view is not an object'];
  const audience = view.audience ?? {};
  if (audience.kind !== expected.kind || (expected.kind === 'Role' && audience.role !== expected.role))
    problems.push(`audience ${describe(audience)} sent to a ${describe(expected)} seat`);
  if (expected.kind === 'Facilitator' || view.revealed) return problems;

  const own = expected.kind === 'Role' ? expected.role : null;
  const foreign = (role) => role !== own;
  const check = (name, items, isForeign) => {
    const bad = (items ?? []).filter(isForeign);
    if (bad.length > 0) problems.push(`${name}: ${bad.length} not for ${describe(expected)}`);
  };
  check('privateRecords', view.privateRecords, (r) => foreign(r.role));
  check('hidden', view.hidden, (h) => foreign(h.role));
  check('orders', view.orders, (o) => foreign(o.role));
  check('scores', view.scores, (s) => foreign(s.role));
  check('messages', view.messages, (m) => (m.to?.length ?? 0) > 0 && (own === null || (m.from !== own && !m.to.includes(own))));
  check('proposals', view.proposals, (p) => !SIGNED.has(p.status) && (own === null || (p.proposer !== own && !(p.parties ?? []).includes(own))));
  check('eventDeck', view.eventDeck, () => true);
  check('injects (effects)', view.injects, (i) => (i.effects?.length ?? 0) > 0);
  check('metrics (scores)', view.metrics, (m) => Object.keys(m.scores ?? {}).some(foreign));
  if (own !== 'RU') {
    if (view.russianOutlook != null) problems.push(`russianOutlook sent to ${describe(expected)}`);
    check('metrics (hazard)', view.metrics, (m) => m.hazard != null);
  }
  return problems;
}

export const describe = (audience) => (audience.kind === 'Role' ? `${audience.role}` : `${audience.kind ?? '?'}`);
