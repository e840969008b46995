/**
 * Where an entity's entry stands in a model file: the range of its `id: …` line, for "go to
 * definition" and "show model entry". YAML files are read with the yaml parser; JSON files (the
 * large generated countries file) with a position scanner (text/json-outline.ts), far faster than a YAML parse.
 * Results are cached per file text. LSP-free.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { LineIndex, type Range } from '../text/positions';
import { outlineJson } from '../text/json-outline';

type Spans = Map<string, { start: number; end: number }>;

interface Located { text: string; lines: LineIndex; spans?: Spans; doc?: Document }

export class ModelFileLocator {
  private readonly cache = new Map<string, Located>();

  /** The range of entry `index` of `section` in the file (its id when it has one), or undefined. */
  locate(file: string, text: string, section: string, index: number): Range | undefined {
    let located = this.cache.get(file);
    if (!located || located.text !== text) {
      located = { text, lines: new LineIndex(text) };
      this.cache.set(file, located);
    }
    const span = file.toLowerCase().endsWith('.json') ? this.jsonSpan(located, section, index) : this.yamlSpan(located, section, index);
    return span ? located.lines.rangeOf(span.start, span.end) : undefined;
  }

  forget(file: string): void { this.cache.delete(file); }

  private jsonSpan(located: Located, section: string, index: number): { start: number; end: number } | undefined {
    try {
      located.spans ??= scanJsonEntries(located.text);
    } catch {
      located.spans = new Map();
    }
    return located.spans.get(`${section}#${index}`);
  }

  private yamlSpan(located: Located, section: string, index: number): { start: number; end: number } | undefined {
    located.doc ??= parseDocument(located.text, { keepSourceTokens: false });
    const contents = located.doc.contents;
    if (!isMap(contents)) return undefined;
    const pair = contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === section);
    const seq = pair && isPair(pair) ? pair.value : undefined;
    if (!isSeq(seq)) return undefined;
    const item = seq.items[index];
    const range = (item as { range?: [number, number, number] } | undefined)?.range;
    if (!item || !range) return undefined;
    if (isMap(item)) {
      const id = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'id');
      if (id && isScalar(id.key) && id.key.range && isScalar(id.value) && id.value.range) return { start: id.key.range[0], end: id.value.range[1] };
    }
    return { start: range[0], end: range[1] };
  }
}

/**
 * Offsets of `section#index` entries in a JSON model: the `"id": "…"` pair of each object in a
 * top-level array (or the item itself). Strict: throws on malformed JSON.
 */
export function scanJsonEntries(text: string): Spans {
  const spans: Spans = new Map();
  for (const member of outlineJson(text).members) {
    member.items?.forEach((item, index) => spans.set(`${member.key}#${index}`, item.idPair ?? { start: item.start, end: item.end }));
  }
  return spans;
}
