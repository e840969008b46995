/**
 * Growth ratios instead of wall-clock bounds: a unit test runs the same operation on an input of
 * size n and of size 10 × n, in one run, and compares the two times. A linear operation takes
 * about 10× longer on the large input and a quadratic one about 100×, whatever the machine's
 * load, so the bound holds on a busy CI machine where an absolute "< 5 s" does not. Absolute
 * speed targets belong in `npm run bench` and `npm run soak`.
 */
import assert from 'node:assert/strict';

export interface Growth { small: number; large: number; ratio: number }

/**
 * Below this many milliseconds at the large size the ratio is timer and scheduling noise: an
 * operation that fast cannot hide a quadratic cost worth reporting, so it passes.
 */
export const NOISE_FLOOR_MS = 25;

/** Best of `repeat` runs, in milliseconds. */
async function bestOf(run: () => unknown, repeat: number): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Times `run(size)` and `run(factor × size)`, best of `repeat` each, after one untimed run at the small size (compilation, caches). */
export async function measureGrowth(run: (size: number) => unknown, size: number, factor = 10, repeat = 3): Promise<Growth> {
  await run(size);
  const small = await bestOf(() => run(size), repeat);
  const large = await bestOf(() => run(size * factor), repeat);
  return { small, large, ratio: large / Math.max(small, 0.05) };
}

/**
 * Asserts that `run` grows at most `maxRatio` times (default 3 × factor: linear with room for
 * noise; quadratic growth is factor², 100 for 10×) from `size` to `factor × size`. A ratio over
 * the bound is measured once more, and fails only if it is seen twice, so that one garbage
 * collection or a busy neighbour does not fail the test.
 */
export async function assertLinearGrowth(what: string, run: (size: number) => unknown, size: number, options: { factor?: number; maxRatio?: number; repeat?: number } = {}): Promise<Growth> {
  const factor = options.factor ?? 10;
  const maxRatio = options.maxRatio ?? 3 * factor;
  const tooFast = (g: Growth) => g.large < NOISE_FLOOR_MS;
  let growth = await measureGrowth(run, size, factor, options.repeat ?? 3);
  if (!tooFast(growth) && growth.ratio > maxRatio) growth = await measureGrowth(run, size, factor, options.repeat ?? 3);
  assert.ok(tooFast(growth) || growth.ratio <= maxRatio,
    `${what}: ${growth.small.toFixed(1)} ms at ${size.toLocaleString('en')} → ${growth.large.toFixed(1)} ms at ${(size * factor).toLocaleString('en')} (${growth.ratio.toFixed(1)}×, bound ${maxRatio}×): it grows faster than linearly`);
  return growth;
}
