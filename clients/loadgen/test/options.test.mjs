import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpoint, isLoopbackHost, loopbackUrl, parseOptions } from '../src/options.mjs';

test('loopback hosts are accepted and every other host is refused', () => {
  for (const host of ['127.0.0.1', '127.4.5.6', 'localhost', '[::1]', '::1']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['10.0.0.1', '192.168.1.2', '128.0.0.1', 'example.org', '0.0.0.0', '[::2]', '127.example.org']) assert.equal(isLoopbackHost(host), false, host);
  assert.throws(() => loopbackUrl('http://10.1.2.3:5080'), /not a loopback address/);
  assert.throws(() => loopbackUrl('ftp://127.0.0.1'), /http or https/);
});

test('a run is bounded: the timeout and counts must be whole numbers within their limits', () => {
  assert.throws(() => parseOptions(['play', '--timeout', '0']), /--timeout must be from 1/);
  assert.throws(() => parseOptions(['play', '--games', '1e9']), /--games must be a whole number/);
  assert.throws(() => parseOptions(['idle-games', '--games', '999999']), /--games must be from 1 to 20000/);
  assert.throws(() => parseOptions(['dance']), /Name one scenario/);
  const options = parseOptions(['play']);
  assert.equal(options.timeoutMs, 120_000);
  assert.equal(options.url.hostname, '127.0.0.1');
});

test('several source addresses need an IPv4 loopback target', () => {
  assert.throws(() => parseOptions(['idle-games', '--url', 'http://localhost:5080', '--source-addresses', '4']), /IPv4 loopback/);
  assert.equal(parseOptions(['idle-games', '--source-addresses', '4']).sourceAddresses, 4);
});

test('endpoints keep a base path without doubling slashes', () => {
  assert.equal(endpoint(new URL('http://127.0.0.1:5080'), '/api/games'), 'http://127.0.0.1:5080/api/games');
  assert.equal(endpoint(new URL('http://127.0.0.1:5080/wargame/'), '/hubs/game'), 'http://127.0.0.1:5080/wargame/hubs/game');
});

test('the hub protocol, the compare targets and the warm-up are checked and defaulted', () => {
  assert.equal(parseOptions(['play']).protocol, 'json');
  assert.equal(parseOptions(['bare', '--protocol', 'msgpack']).protocol, 'msgpack');
  assert.throws(() => parseOptions(['play', '--protocol', 'xml']), /--protocol must be json or msgpack, not 'xml'/);
  assert.deepEqual(parseOptions(['compare']).targets, ['bare', 'boardgameio', 'wargame']);
  assert.deepEqual(parseOptions(['compare', '--targets', 'wargame,bare']).targets, ['bare', 'wargame']);
  assert.throws(() => parseOptions(['compare', '--targets', 'bare,colyseus']), /--targets takes a list of bare, boardgameio, wargame; 'colyseus' is not one/);
  assert.equal(parseOptions(['play', '--games', '3']).warmup, 3);
  assert.equal(parseOptions(['play', '--games', '50']).warmup, 10);
  assert.equal(parseOptions(['play', '--games', '50']).warmupTurns, 1);
  assert.deepEqual([parseOptions(['compare', '--games', '50']).warmup, parseOptions(['compare', '--turns', '2']).warmupTurns], [50, 2]);
  assert.throws(() => parseOptions(['play', '--warmup-turns', '0']), /warmup-turns/);
  assert.deepEqual([parseOptions(['play']).warmupPasses, parseOptions(['compare']).warmupPasses, parseOptions(['play', '--warmup-passes', '3']).warmupPasses], [1, 5, 3]);
  assert.throws(() => parseOptions(['compare', '--warmup-passes', '0']), /warmup-passes/);
  assert.throws(() => parseOptions(['compare', '--warmup-passes', '11']), /warmup-passes/);
  assert.equal(parseOptions(['compare']).turns, 3);
  assert.equal(parseOptions(['play']).turns, 2);
});
