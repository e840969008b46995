/**
 * Keystroke → findings through the core's service (core/service.ts), in one process, debounce
 * off: a letter typed in a paragraph near the start, middle and end of drafts of 12 KB, 100 KB
 * and 1 MB, then the service's check of the new version. Prints p50 and p95 and the share of
 * runs of blocks checked anew per edit (the rest come from the block cache). `npm run bench --
 * --keystroke-only` runs only this.
 */
import { DraftService, type ServiceDocument } from '../server/src/core/service';
import type { LanguageRegistry } from '../server/src/core/language/registry';
import type { PolicyIndex } from '../server/src/core/model/policy-index';
import { CancelledError } from '../server/src/core/check';
import { Debouncer } from '../server/src/lsp/debounce';

const TARGETS: Record<number, number> = { 12_000: 10, 100_000: 15, 1_000_000: 30 };

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export async function keystrokeFigure(model: PolicyIndex, languages: LanguageRegistry, draftOfSize: (size: number) => string, sizes: [string, number][]): Promise<void> {
  console.log('Keystroke → findings in the core service, one process, debounce off (ms)');
  console.log('size      position  p50 (ms)  p95 (ms)  target p95  runs re-checked per edit');
  const ms = (n: number) => n.toFixed(1).padStart(8);
  for (const [label, size] of sizes) {
    const service = new DraftService({ languages, model: () => ({ index: model, generation: 1 }), settings: () => ({}), readFile: () => undefined, drafts: () => [], entityLocations: () => [] });
    const doc = { uri: `untitled:keystroke-${size}`, version: 1, text: draftOfSize(size), getText() { return this.text; } } satisfies ServiceDocument & { text: string };
    service.open(doc);
    await service.check(doc.uri);
    for (const position of ['start', 'middle', 'end'] as const) {
      const times: number[] = [];
      const shares: number[] = [];
      for (let i = 0; i < (size >= 1_000_000 ? 15 : 40); i++) {
        const { text } = doc;
        const anchor = position === 'start' ? text.indexOf('\n\n', 200) : position === 'middle' ? text.indexOf('\n\n', text.length / 2) : text.lastIndexOf('\n\n', text.length - 200);
        const at = Math.max(0, anchor - 5);
        const before = service.blockStats(doc.uri);
        const t = performance.now();
        doc.text = `${text.slice(0, at)}x${text.slice(at)}`;
        doc.version++;
        service.update(doc);
        await service.check(doc.uri);
        times.push(performance.now() - t);
        const after = service.blockStats(doc.uri);
        if (before && after) shares.push((after.checkedAnew - before.checkedAnew) / after.runs);
      }
      const share = shares.reduce((sum, s) => sum + s, 0) / Math.max(1, shares.length);
      console.log(`${label.padEnd(8)}  ${position.padEnd(8)} ${ms(percentile(times, 0.5))}  ${ms(percentile(times, 0.95))}  ${String(TARGETS[size] ?? '–').padStart(10)}  ${(share * 100).toFixed(1).padStart(6)} %`);
    }
    service.close(doc.uri);
  }
  console.log('');
}

/**
 * The default debounce: a drafter typing words into a 100 KB draft (keys 60–260 ms apart, a
 * pause of 600 ms after each word), through the service and the language server's Debouncer.
 * For each debounce: checks started, how many of them were wasted (superseded before they
 * published), and the time from the last key of a word to its findings.
 */
export async function debounceFigure(model: PolicyIndex, languages: LanguageRegistry, draftOfSize: (size: number) => string, delays = [50, 120]): Promise<void> {
  console.log('Default debounce: typing 20 words into a 100 KB draft (keys 60–260 ms apart, 600 ms pause after each word)');
  console.log('debounce  checks  wasted  last key → findings p50 / p95 (ms)');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (const delay of delays) {
    const service = new DraftService({ languages, model: () => ({ index: model, generation: 1 }), settings: () => ({}), readFile: () => undefined, drafts: () => [], entityLocations: () => [] });
    const doc = { uri: `untitled:debounce-${delay}`, version: 1, text: draftOfSize(100_000), getText() { return this.text; } } satisfies ServiceDocument & { text: string };
    service.open(doc);
    await service.check(doc.uri);
    const debouncer = new Debouncer();
    let started = 0;
    let wasted = 0;
    let lastKey = 0;
    const latencies: number[] = [];
    // A fixed sequence of intervals (a linear congruential generator), the same for every debounce.
    let seed = 20261204;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const published: Promise<void>[] = [];
    for (let word = 0; word < 20; word++) {
      for (let key = 0; key < 6; key++) {
        const at = doc.text.indexOf('\n\n', Math.floor(doc.text.length / 2)) - 5;
        doc.text = `${doc.text.slice(0, at)}x${doc.text.slice(at)}`;
        doc.version++;
        service.update(doc);
        lastKey = performance.now();
        const version = doc.version;
        debouncer.schedule(doc.uri, delay, () => {
          started++;
          published.push(service.check(doc.uri).then(() => { if (doc.version === version) latencies.push(performance.now() - lastKey); else wasted++; }, (error) => { if (error instanceof CancelledError) wasted++; else throw error; }));
        });
        await sleep(60 + Math.floor(next() * 200));
      }
      await sleep(600);
    }
    await Promise.all(published);
    console.log(`${String(delay).padStart(5)} ms  ${String(started).padStart(6)}  ${String(wasted).padStart(6)}  ${percentile(latencies, 0.5).toFixed(0).padStart(8)} / ${percentile(latencies, 0.95).toFixed(0)}`);
  }
  console.log('');
}
