import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, summarize, Tally } from '../src/stats.mjs';

test('percentiles are nearest-rank over the sorted samples', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(sorted, 50), 50);
  assert.equal(percentile(sorted, 95), 95);
  assert.equal(percentile(sorted, 99), 99);
  assert.equal(percentile([7], 99), 7);
  assert.equal(percentile([1, 2, 3], 50), 2);
});

test('a summary sorts its samples and leaves them unchanged', () => {
  const samples = [30, 10, 20];
  const s = summarize(samples);
  assert.deepEqual([s.count, s.min, s.p50, s.max, s.mean], [3, 10, 20, 30, 20]);
  assert.deepEqual(samples, [30, 10, 20]);
  assert.deepEqual(summarize([]), { count: 0 });
});

test('a tally counts by key, most frequent first', () => {
  const t = new Tally();
  t.add('a');
  t.add('b', 3);
  t.add('a');
  assert.deepEqual(Object.entries(t.toJSON()), [['b', 3], ['a', 2]]);
  assert.equal(t.total, 5);
});
