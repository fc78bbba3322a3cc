import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitlementProblems, roleAudience, FACILITATOR, PUBLIC } from '../src/entitlement.mjs';

// Shaped like the server's GameView (camelCase, enums as names), trimmed to the fields the check reads.
const roleView = (role) => ({
  audience: { kind: 'Role', role },
  revealed: false,
  privateRecords: [{ role, briefing: 'secret' }],
  hidden: [{ role, quantities: [] }],
  orders: [{ role, submitted: null, standing: null }],
  scores: [],
  messages: [{ id: 1, from: 'RU', to: [], text: 'public' }, { id: 2, from: 'UA', to: [role === 'UA' ? 'US' : role], text: 'channel' }],
  proposals: [{ id: 5, proposer: 'UA', parties: ['RU', 'UA'], status: 'Proposed' }, { id: 6, proposer: 'US', parties: ['EU', 'UA', 'US'], status: 'InForce' }],
  eventDeck: [],
  injects: [],
  metrics: [],
  russianOutlook: role === 'RU' ? { deterrence: 0.4 } : null,
});

test('a role view holding only what the role may see passes', () => {
  assert.deepEqual(entitlementProblems(roleView('UA'), roleAudience('UA')), []);
  assert.deepEqual(entitlementProblems(roleView('RU'), roleAudience('RU')), []);
});

test('another role\'s view sent to a seat is caught', () => {
  const problems = entitlementProblems(roleView('RU'), roleAudience('UA'));
  assert.ok(problems.some((p) => p.startsWith('audience RU sent to a UA seat')), problems.join('; '));
  assert.ok(problems.some((p) => p.startsWith('privateRecords')), problems.join('; '));
  assert.ok(problems.some((p) => p.startsWith('russianOutlook')), problems.join('; '));
});

test('leaks inside a view with the right audience are caught field by field', () => {
  const view = roleView('US');
  view.privateRecords.push({ role: 'RU', briefing: 'resolve is high' });
  view.messages.push({ id: 3, from: 'UA', to: ['RU'], text: 'not for the US' });
  view.proposals.push({ id: 7, proposer: 'UA', parties: ['RU', 'UA'], status: 'Proposed' });
  view.eventDeck.push({ id: 'card' });
  view.metrics.push({ hazard: 0.2, scores: { RU: 1 } });
  const problems = entitlementProblems(view, roleAudience('US')).map((p) => p.split(':')[0]);
  assert.deepEqual(problems.sort(), ['eventDeck', 'messages', 'metrics (hazard)', 'metrics (scores)', 'privateRecords', 'proposals'].sort());
});

test('observers see no private channel; the facilitator and revealed views see everything', () => {
  const view = { ...roleView('UA'), audience: { kind: 'Public', role: null }, privateRecords: [], hidden: [], orders: [], proposals: [] };
  assert.deepEqual(entitlementProblems(view, PUBLIC), ['messages: 1 not for Public']);
  assert.deepEqual(entitlementProblems({ ...roleView('UA'), audience: { kind: 'Facilitator', role: null } }, FACILITATOR), []);
  assert.deepEqual(entitlementProblems({ ...roleView('RU'), audience: { kind: 'Role', role: 'UA' }, revealed: true }, roleAudience('UA')), []);
});
