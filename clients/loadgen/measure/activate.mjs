// Activates games by reading each with its facilitator key (GET /api/games/{id}), CONCURRENCY at a time.
// Usage: node activate.mjs URL KEY FIRST_INDEX COUNT CONCURRENCY [SECONDS] (stops starting new ones after SECONDS); game ids are g_clone<i>.
const [url, key, first, count, concurrency, seconds] = process.argv.slice(2);
const stopAt = seconds ? Date.now() + 1000 * Number(seconds) : Infinity;
let next = Number(first), end = Number(first) + Number(count), failed = 0;
const started = Date.now();
async function worker() {
  while (next < end && Date.now() < stopAt) {
    const id = `g_clone${next++}`;
    const response = await fetch(`${url}/api/games/${id}`, { headers: { 'X-Facilitator-Key': key }, signal: AbortSignal.timeout(60000) });
    if (!response.ok) failed++;
    await response.arrayBuffer();
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
console.log(`activated ${next - Number(first)} of ${count} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed} failed`);
