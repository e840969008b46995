/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning reads it as it is). Paths are
 * written as percent-encoded URIs relative to a `%SRCROOT%` base (the git root of the current
 * folder, or `--base DIR`) declared in `originalUriBaseIds`; a file outside the base gets an
 * absolute `file://` URI. Columns are 1-based UTF-16 code units (`columnKind`). Each rule carries
 * the metadata code scanning shows: short and full description, help (its page in docs/rules/),
 * tags and default level. A file that could not be read is a `toolExecutionNotifications` entry
 * and makes the invocation unsuccessful. Every SARIF the tests produce is validated against the
 * official schema (test/unit/sarif.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../core/findings';
import { RULES } from '../core/rules/index';
import type { Range } from '../core/text/positions';
import type { FileResult } from './report';
import { packageManifest, ruleDocPath } from './resources';

export interface SarifOptions {
  /** The folder URIs are relative to (default: the git root of `cwd`, or `cwd` outside a repository). */
  base?: string;
  cwd?: string;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The tags code scanning filters by: what a rule is about. */
export const RULE_TAGS: Record<string, string> = {
  'unknown-country': 'names', 'deprecated-name': 'names', 'designation-footnote': 'names', 'unknown-instrument': 'names',
  'unknown-act': 'legal-acts', 'malformed-citation': 'legal-acts', 'unknown-article': 'legal-acts',
  'footnote-reference': 'structure', 'note-header': 'structure', 'list-count': 'consistency',
  'group-membership': 'facts', 'fact-mismatch': 'facts',
  'undefined-acronym': 'acronyms', 'acronym-expansion': 'acronyms',
  'invalid-date': 'dates', 'date-format': 'dates', 'deprecated-term': 'terminology',
  'model-schema': 'policy-model', 'partial-check': 'notice',
};

/** The nearest folder at or above `from` that holds `.git` (a directory, or a file in a worktree). */
export function gitRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A folder's file URI, ending in "/" as SARIF wants for a base. */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

interface ArtifactLocation { uri: string; uriBaseId?: string }

/** Relative to the base and percent-encoded segment by segment, or an absolute file URI outside it. */
export function artifactLocation(path: string, base: string): ArtifactLocation {
  const absolute = resolve(path);
  const rel = relative(base, absolute);
  if (rel && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(absolute).href };
}

function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** The first paragraph of a rule's page (after its title), and the page itself. */
function ruleDoc(id: string): { summary?: string; page?: string } {
  let page: string;
  try { page = readFileSync(ruleDocPath(id), 'utf8'); } catch { return {}; }
  const lines = page.split('\n').map((line) => line.trim());
  const first = lines.findIndex((line, i) => i > 0 && line !== '' && !line.startsWith('#'));
  const end = lines.indexOf('', first);
  const summary = lines.slice(first, end < 0 ? undefined : end).join(' ');
  return { summary, page };
}

function repositoryUrl(): string {
  const repository = packageManifest().repository as { url?: string } | string | undefined;
  const url = typeof repository === 'string' ? repository : repository?.url ?? '';
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

function driverRules() {
  const repo = repositoryUrl();
  return RULES.map((rule) => {
    const helpUri = `${repo}/blob/main/docs/rules/${rule.id}.md`;
    const doc = ruleDoc(rule.id);
    return {
      id: rule.id,
      name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.description },
      fullDescription: { text: doc.summary ?? rule.description },
      help: { text: `${doc.summary ?? rule.description} See ${helpUri}`, ...(doc.page ? { markdown: doc.page } : {}) },
      helpUri,
      defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
      properties: { tags: ['council-notes', RULE_TAGS[rule.id] ?? 'other'] },
    };
  });
}

export function sarifLog(results: FileResult[], options: SarifOptions = {}) {
  const cwd = options.cwd ?? process.cwd();
  const base = resolve(cwd, options.base ?? gitRoot(cwd) ?? cwd);
  const manifest = packageManifest();
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const unread = results.filter((file) => file.error !== undefined);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'council-notes',
          version: String(manifest.version),
          semanticVersion: String(manifest.version),
          informationUri: repositoryUrl(),
          rules: driverRules(),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(base), description: { text: options.base ? 'The folder given with --base.' : 'The root of the git repository the check ran in.' } } },
      invocations: [{
        executionSuccessful: unread.length === 0,
        ...(unread.length ? {
          toolExecutionNotifications: unread.map((file) => ({
            level: 'error',
            message: { text: `${file.path}: ${file.error}` },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.path, base) } }],
          })),
        } : {}),
      }],
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((file) => {
        const location = artifactLocation(file.path, base);
        return file.findings.map((f, i) => {
          const edits = file.fixEdits?.[i];
          return {
            ruleId: f.rule,
            ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
            ...(edits ? {
              fixes: [{
                description: { text: `Fix: ${f.message}` },
                artifactChanges: [{ artifactLocation: location, replacements: edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })) }],
              }],
            } : {}),
          };
        });
      }),
    }],
  };
}
