/**
 * The outline of a draft: headings (nested by level), the questions to ministers (the items of
 * a list in a section whose heading says questions / vragen / questions / Fragen…), and the
 * footnotes. LSP-free: offsets in the draft.
 */
import type { Nodes, Parents, RootContent } from 'mdast';
import { parseMarkdown } from '../markdown/parse';

export type DraftSymbolKind = 'heading' | 'question' | 'footnote';

export interface DraftSymbol {
  name: string;
  kind: DraftSymbolKind;
  detail?: string;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: DraftSymbol[];
}

/** Heading words that open the questions to ministers, in the EU languages that have them. */
const QUESTIONS = /(?<![\p{L}])(?:questions?|vragen|vraag|fragen?|preguntas?|domande|perguntas?|spørgsmål|frågor|kysymykset|pytania|otázky|otázky|întrebări|kérdések|vprašanja|pitanja|въпроси|ερωτήσεις|küsimused|klausimai|jautājumi|mistoqsijiet|ceisteanna)(?![\p{L}])/iu;

const MAX_NAME = 120;

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html' && node.type !== 'yaml') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join(node.type === 'list' || node.type === 'listItem' ? ' ' : '');
  return '';
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_NAME ? `${line.slice(0, MAX_NAME - 1)}…` : line;
}

function span(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

export function documentSymbols(text: string): DraftSymbol[] {
  const tree = parseMarkdown(text);
  const top: DraftSymbol[] = [];
  const footnotes: DraftSymbol[] = [];
  const stack: { depth: number; symbol: DraftSymbol; questions: boolean }[] = [];
  const container = () => stack.at(-1)?.symbol.children ?? top;
  let pseudoQuestions = false;
  const sectionQuestions: { symbols: DraftSymbol[]; paragraphs: DraftSymbol[] } = { symbols: [], paragraphs: [] };
  let questionTarget: DraftSymbol[] | undefined;

  const flushQuestions = () => {
    // A section without a list: its paragraphs that end in "?" are the questions.
    if (questionTarget && sectionQuestions.symbols.length === 0) questionTarget.push(...sectionQuestions.paragraphs);
    sectionQuestions.symbols = [];
    sectionQuestions.paragraphs = [];
  };

  const children = (tree as Parents).children as RootContent[];
  for (const node of children) {
    const where = span(node);
    if (!where) continue;
    if (node.type === 'heading') {
      flushQuestions();
      while (stack.length && stack.at(-1)!.depth >= node.depth) stack.pop();
      // The enclosing headings stretch over their subsections.
      for (const s of stack) s.symbol.end = Math.max(s.symbol.end, where.end);
      const name = short(textOf(node)) || '(heading)';
      const symbol: DraftSymbol = { name, kind: 'heading', detail: '#'.repeat(node.depth), ...where, selectionStart: where.start, selectionEnd: where.end, children: [] };
      container().push(symbol);
      const questions = QUESTIONS.test(name);
      stack.push({ depth: node.depth, symbol, questions });
      pseudoQuestions = false;
      questionTarget = questions ? symbol.children : undefined;
      continue;
    }
    // A bold line on its own ("**Questions to Ministers**") also opens the questions.
    if (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'strong' && QUESTIONS.test(textOf(node))) {
      flushQuestions();
      pseudoQuestions = true;
      questionTarget = container();
      continue;
    }
    if (node.type === 'footnoteDefinition') {
      const label = node.label ?? node.identifier;
      footnotes.push({ name: `[^${label}] ${short(textOf(node))}`.trim(), kind: 'footnote', ...where, selectionStart: where.start, selectionEnd: Math.min(where.end, where.start + label.length + 3), children: [] });
      continue;
    }
    for (const s of stack) s.symbol.end = Math.max(s.symbol.end, where.end);
    const inQuestions = questionTarget !== undefined && (pseudoQuestions || stack.at(-1)?.questions);
    if (!inQuestions) continue;
    if (node.type === 'list') {
      for (const item of node.children) {
        const itemSpan = span(item);
        if (!itemSpan) continue;
        const symbol: DraftSymbol = { name: short(textOf(item)) || '(question)', kind: 'question', ...itemSpan, selectionStart: itemSpan.start, selectionEnd: itemSpan.end, children: [] };
        sectionQuestions.symbols.push(symbol);
        questionTarget!.push(symbol);
      }
    } else if (node.type === 'paragraph' && /\?\s*$/.test(textOf(node))) {
      sectionQuestions.paragraphs.push({ name: short(textOf(node)), kind: 'question', ...where, selectionStart: where.start, selectionEnd: where.end, children: [] });
    }
  }
  flushQuestions();
  return [...top, ...footnotes];
}
