/**
 * The checking core: (text, model, settings) → findings. No LSP, no file system: the CLI, the
 * language server and the tests all call this one function.
 */
import type { Finding, Severity } from './findings';
import { readDraft, type ParsedDraft } from './markdown/parse';
import { literalMarkupNotice, plainProseNotice } from './markdown/defences';
import type { PolicyIndex } from './model/policy-index';
import type { LanguageRegistry } from './language/registry';
import { detectLanguage } from './language/detect';
import { DraftAnalysis } from './analysis/draft-analysis';
import { RULES } from './rules/index';
import type { ReportInput, Rule } from './rule';
import { checkBlocks } from './analysis/block-check';
import { BlockCache } from './analysis/block-cache';
import { applyDirectives, readDirectives } from './suppressions';
import { LineIndex } from './text/positions';
import { resolveFixes } from './fix/declarations';
import { renderMessage } from './messages/render';
import { messageLocale } from './messages/locale';

export type RuleSetting = Severity | 'off';

export interface CheckSettings {
  /** "auto" (default) or a language code that overrides detection and front matter. */
  language?: string;
  /** Per-rule severity or "off". */
  rules?: Record<string, RuleSetting>;
  /**
   * The UI locale, the language of messages ("nl", "nl_NL.UTF-8", "fr-BE"; default English); a
   * locale without a message catalogue gets English (messages/locale.ts).
   */
  locale?: string;
  /** Drafts longer than this (UTF-16 code units) are checked up to it, with a notice. Default 5 MB. */
  maxDocumentSize?: number;
}

export const DEFAULT_MAX_DOCUMENT_SIZE = 5_000_000;

export interface CancellationToken { readonly isCancellationRequested: boolean }

export interface CheckInput {
  text: string;
  model: PolicyIndex;
  languages: LanguageRegistry;
  settings?: CheckSettings;
  token?: CancellationToken;
  /** A draft already parsed from the same text, to avoid parsing twice. */
  draft?: ParsedDraft;
  /** An analysis of that draft (the editor features made one): entity scans are not repeated. */
  analysis?: DraftAnalysis;
  /** Findings of block rules per block, kept by an editor between versions of one document. */
  blockCache?: BlockCache;
  /** Run block rules block by block (default: when there is a blockCache); tests compare the two ways. */
  blockwise?: boolean;
}

export type LanguageSource = 'setting' | 'front-matter' | 'detected';

export interface CheckResult {
  language: string;
  languageSource: LanguageSource;
  findings: Finding[];
}

export class CancelledError extends Error {
  constructor() { super('check cancelled'); }
}

/**
 * A check as steps: it yields between rules and between runs of blocks, the points where it may
 * stop. checkDraft runs the steps at once; checkDraftAsync lets the event loop in between them,
 * so that an editor's newer version can supersede a check that is under way (core/service.ts).
 */
export type CheckSteps = Generator<void, CheckResult, void>;

/** The check, synchronously (the CLI, fixes, tests). Throws CancelledError when `token` asks. */
export function checkDraft(input: CheckInput): CheckResult {
  const steps = checkSteps(input);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (input.token?.isCancellationRequested) throw new CancelledError();
  }
}

/**
 * The check, giving the event loop a turn whenever it has run for `sliceMs` since the last one
 * (a small draft is checked in one go). Throws CancelledError when `token` asks, looked at
 * between every two steps.
 */
export async function checkDraftAsync(input: CheckInput, sliceMs = 4): Promise<CheckResult> {
  const steps = checkSteps(input);
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    if (input.token?.isCancellationRequested) throw new CancelledError();
  }
}

/**
 * Where a check of a text stops: its length, or for a draft above maxDocumentSize the last blank
 * line before the limit (so that no block is cut in two). The one size-limit cut: checks and
 * the editor features read the same part.
 */
export function checkedLength(text: string, settings: CheckSettings = {}): number {
  const limit = settings.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (text.length <= limit) return text.length;
  const blank = text.lastIndexOf('\n\n', limit);
  return blank > 0 ? blank : limit;
}

function* checkSteps(input: CheckInput): CheckSteps {
  const { model, languages, settings = {} } = input;
  if (checkedLength(input.text, settings) < input.text.length) return yield* checkInPart(input);
  const draft = input.draft ?? readDraft(input.text);
  const { code, source } = chooseLanguage(draft, languages, settings);
  const language = languages.get(code) ?? languages.get('en');
  if (!language) throw new Error('no language data loaded (languages/en.json is missing)');
  const reusable = input.analysis && input.analysis.draft === draft && input.analysis.language === language && input.analysis.model === model;
  // Block by block only where an editor keeps the results between versions: on a single check
  // the whole draft at once is faster (one analysis instead of one per run of blocks), and gives
  // the same findings (test/unit/block-check.test.ts).
  const byBlock = input.blockwise ?? input.blockCache !== undefined;
  const blockCache = byBlock ? input.blockCache ?? new BlockCache() : undefined;
  const analysis = reusable ? input.analysis! : new DraftAnalysis(draft, language, languages, model, blockCache, source);
  const findings: Finding[] = [];
  const severityOf = new Map<string, Severity>();
  for (const rule of RULES) {
    const setting = settings.rules?.[rule.id];
    if (rule.check && setting !== 'off') severityOf.set(rule.id, setting ?? rule.defaultSeverity);
  }
  const locale = messageLocale(settings.locale);
  const messages = { locale, draftLanguage: language.code, uiLanguage: languages.get(locale), model };
  const report = (rule: Rule, found: ReportInput) => {
    const { fix: _shorthand, fixes: _reported, ...rest } = found;
    const fixes = resolveFixes(rule, found, draft.text, messages).map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: analysis.lines.rangeOf(e.start, e.end) })) }));
    const safe = fixes.find((fix) => fix.safe);
    findings.push({ rule: rule.id, severity: severityOf.get(rule.id)!, ...rest, message: renderMessage(found.message, messages), ...(fixes.length ? { fixes } : {}), ...(safe ? { fix: safe.edits } : {}), range: analysis.lines.rangeOf(found.start, found.end) });
  };
  const active = RULES.filter((rule) => severityOf.has(rule.id));

  for (const rule of active) {
    if (byBlock && rule.scope === 'block') continue;
    yield;
    rule.check!({ analysis, language, report: (found) => report(rule, found) });
  }
  if (byBlock) yield* checkBlocks({ draft, language, languages, model, rules: active.filter((rule) => rule.scope === 'block'), cache: blockCache }, report);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  const kept = applyDirectives(findings, readDirectives(draft.comments, analysis.lines));
  const notice = settings.rules?.['partial-check'];
  if (notice !== 'off') {
    const notices = (draft.literalMarkup ?? []).map((block) => literalMarkupNotice(block, analysis.lines, draft.text, notice ?? 'information'));
    if (draft.plainProse) notices.unshift(plainProseNotice(draft.plainProse, analysis.lines, draft.text, notice ?? 'information'));
    // Notices first: what was not fully checked is said before what was found.
    kept.unshift(...notices);
  }
  return { language: language.code, languageSource: source, findings: kept };
}

/**
 * A draft above the limit: the part checkedLength gives is checked, and a notice on the first
 * line says where checking stopped. A draft parsed from that part (input.draft) is used.
 */
function* checkInPart(input: CheckInput): CheckSteps {
  const cut = checkedLength(input.text, input.settings);
  const part = input.text.slice(0, cut);
  const draft = input.draft?.text === part ? input.draft : undefined;
  const analysis = draft && input.analysis?.draft === draft ? input.analysis : undefined;
  const result = yield* checkSteps({ ...input, text: part, draft, analysis, settings: { ...input.settings, maxDocumentSize: Number.POSITIVE_INFINITY } });
  const setting = input.settings?.rules?.['partial-check'];
  if (setting === 'off') return result;
  const lines = new LineIndex(input.text);
  const stopLine = lines.positionAt(cut).line + 1;
  const megabytes = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);
  const firstLineEnd = input.text.search(/\r?\n|$/);
  result.findings.unshift({
    rule: 'partial-check',
    severity: setting ?? 'information',
    message: `This draft is ${megabytes(input.text.length)}: only the first ${megabytes(cut)} (to line ${stopLine}) are checked. Raise councilNotes.maxDocumentSize to check it all.`,
    start: 0,
    end: firstLineEnd,
    range: lines.rangeOf(0, firstLineEnd),
  });
  return result;
}

/** The draft's language: the setting, else its front matter's `lang`, else detection. */
export function chooseLanguage(draft: ParsedDraft, languages: LanguageRegistry, settings: CheckSettings): { code: string; source: LanguageSource } {
  if (settings.language && settings.language !== 'auto' && languages.get(settings.language)) return { code: settings.language, source: 'setting' };
  const declared = draft.frontMatter?.data.lang ?? draft.frontMatter?.data.language;
  if (typeof declared === 'string') {
    const code = declared.toLowerCase().split(/[-_]/)[0];
    if (languages.get(code)) return { code, source: 'front-matter' };
  }
  return { code: detectLanguage(draft.prose, languages).code, source: 'detected' };
}
