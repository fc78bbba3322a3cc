import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScenario, serverForTests } from '../src/testing.mjs';
import { bare } from '../src/scenarios/bare.mjs';

// The bare hub (benchmarks/Wargame.BareHub, Release) on a free loopback port.
const bareHub = serverForTests('bare');

const runBare = (protocol) =>
  runScenario(bareHub.server, bare, ['bare', '--games', '3', '--ops', '12', '--warmup', '1', '--protocol', protocol, '--command-timeout', '15']);

for (const protocol of ['json', 'msgpack']) {
  test(`bare (${protocol}): every send reaches all six members of its group, once`, { timeout: 120_000 }, async () => {
    const r = await runBare(protocol);
    assert.deepEqual(r.errors, {});
    assert.deepEqual(r.hubOddities, {});
    assert.equal(r.result.join.connections, 3 * 6);
    assert.equal(r.result.play.accepted, 3 * 12);
    assert.equal(r.result.play.groupsCompleted, 3);
    assert.equal(r.latencyMs.viewPush.count, 3 * 12 * 6);
    assert.ok(r.latencyMs.viewPush.min >= 0);
    assert.ok(r.result.play.serverCpuMsPerCommand >= 0);
  });
}

test('the push is about 1 KB per member, smaller in MessagePack than in JSON', { timeout: 120_000 }, async () => {
  const json = (await runBare('json')).result.play.bytesPerCommandPerAudience.mean;
  const msgpack = (await runBare('msgpack')).result.play.bytesPerCommandPerAudience.mean;
  for (const bytes of [json, msgpack]) assert.ok(bytes >= 1024 && bytes < 1300, `${bytes} bytes per send per member`);
  assert.ok(msgpack < json, `msgpack ${msgpack} bytes, json ${json}`);
});
