/**
 * Where things stand in a JSON model file, without building its value: the top-level members
 * (key, value span, and for a list the span of each item and of its `"id": …` pair), and every
 * key that repeats an earlier key of its object, at any depth. One strict pass with an explicit
 * stack (deeply nested JSON does not overflow the call stack). Used to locate entries
 * (model-locate.ts), to add one with a minimal text edit (model-edit.ts) and to report
 * duplicate keys, which JSON.parse silently resolves to the last one (model/load.ts).
 */

export interface JsonSpan { start: number; end: number }

export interface JsonItem extends JsonSpan {
  /** The `"id": value` pair of an object item. */
  idPair?: JsonSpan;
}

export interface JsonMember {
  key: string;
  keySpan: JsonSpan;
  value: JsonSpan;
  kind: 'object' | 'array' | 'scalar';
  /** The items of an array value. */
  items?: JsonItem[];
}

export interface JsonOutline {
  /** The whole top-level value, and whether it is an object (only an object has members). */
  root: JsonSpan & { kind: 'object' | 'array' | 'scalar' };
  members: JsonMember[];
  /** Keys that repeat an earlier key of the same object, in text order. */
  duplicates: { key: string; span: JsonSpan }[];
}

export class JsonSyntaxError extends Error {
  constructor(readonly offset: number, message: string) { super(`${message} at offset ${offset}`); }
}

interface Frame {
  kind: 'object' | 'array';
  start: number;
  /** object: 0 key or end, 1 colon, 2 value, 3 comma or end, 4 key (after a comma); array: 0 value or end, 2 value, 3 comma or end. */
  state: number;
  keys?: Set<string>;
  key?: string;
  keyStart?: number;
  member?: JsonMember;
  /** For an array of the top-level object: the id pair of the item being read. */
  pendingId?: JsonSpan;
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The outline of a JSON text. Throws JsonSyntaxError when the text is not JSON. */
export function outlineJson(text: string): JsonOutline {
  const members: JsonMember[] = [];
  const duplicates: JsonOutline['duplicates'] = [];
  const stack: Frame[] = [];
  let root: JsonOutline['root'] | undefined;
  let i = 0;
  const fail = (what: string): never => { throw new JsonSyntaxError(i, what); };

  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  const readString = (): string => {
    const start = ++i;
    let escaped = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) break;
      else if (c < 32) fail('control character in a string');
    }
    if (i >= text.length) fail('unterminated string');
    const raw = text.slice(start, i++);
    if (!raw.includes('\\')) return raw;
    try { return JSON.parse(`"${raw}"`) as string; } catch { return fail('bad escape in a string'); }
  };

  /** A value [start, end) is complete in the frame on top of the stack. */
  const valueDone = (start: number, end: number, kind: JsonMember['kind']) => {
    const frame = stack.at(-1);
    if (!frame) { root = { start, end, kind }; return; }
    frame.state = 3;
    if (frame.kind === 'object') {
      if (stack.length === 1) { const member = members.at(-1)!; member.value = { start, end }; member.kind = kind; }
      else if (stack.length === 3 && frame.key === 'id' && stack[1].member) stack[1].pendingId = { start: frame.keyStart!, end };
    } else if (frame.member) {
      frame.member.items!.push({ start, end, ...(frame.pendingId ? { idPair: frame.pendingId } : {}) });
      frame.pendingId = undefined;
    }
  };

  skipSpace();
  do {
    const frame = stack.at(-1);
    skipSpace();
    if (i >= text.length) fail('unexpected end');
    const c = text[i];
    if (frame?.kind === 'object' && frame.state !== 2) {
      if (frame.state === 1) { if (c !== ':') fail('":" expected'); i++; frame.state = 2; continue; }
      if (frame.state === 3) {
        if (c === ',') { i++; frame.state = 4; continue; }
        if (c !== '}') fail('"," or "}" expected');
      }
      if (c === '}' && frame.state !== 4) {
        i++;
        stack.pop();
        valueDone(frame.start, i, 'object');
        continue;
      }
      if (c !== '"') fail('a key expected');
      const keyStart = i;
      const key = readString();
      if (frame.keys!.has(key)) duplicates.push({ key, span: { start: keyStart, end: i } });
      else frame.keys!.add(key);
      frame.key = key;
      frame.keyStart = keyStart;
      frame.state = 1;
      if (stack.length === 1) members.push({ key, keySpan: { start: keyStart, end: i }, value: { start: i, end: i }, kind: 'scalar' });
      continue;
    }
    if (frame?.kind === 'array') {
      if (frame.state === 3) {
        if (c === ',') { i++; frame.state = 2; continue; }
        if (c !== ']') fail('"," or "]" expected');
      }
      if (c === ']') {
        if (frame.state === 2) fail('a value expected');
        i++;
        stack.pop();
        valueDone(frame.start, i, 'array');
        continue;
      }
    }
    // A value.
    const start = i;
    if (c === '{' || c === '[') {
      i++;
      const opened: Frame = { kind: c === '{' ? 'object' : 'array', state: 0, start };
      if (c === '{') opened.keys = new Set();
      // An array that is a value of the top-level object: its items are recorded.
      if (c === '[' && stack.length === 1 && stack[0].kind === 'object') {
        opened.member = members.at(-1);
        opened.member!.items = [];
      }
      stack.push(opened);
      continue;
    }
    if (c === '"') { readString(); valueDone(start, i, 'scalar'); continue; }
    LITERAL.lastIndex = i;
    const literal = LITERAL.exec(text);
    if (!literal) fail('a value expected');
    i += literal![0].length;
    valueDone(start, i, 'scalar');
  } while (stack.length > 0);
  skipSpace();
  if (i < text.length) fail('text after the end');
  return { root: root!, members, duplicates };
}
