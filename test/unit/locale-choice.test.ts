/**
 * How the UI locale is chosen: the CLI's --locale, else LC_ALL / LC_MESSAGES / LANG, else
 * English; the language server takes the client's display language (InitializeParams.locale),
 * overridden by councilNotes.locale. JSON and SARIF carry the message in that locale.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, withoutLocale } from '../support/cli';
import { LspTestClient } from '../support/lsp-client';

const DRAFT = 'Turkey hosts many refugees.\n';
const MESSAGES = {
  en: '"Turkey" is deprecated: write "Türkiye".',
  nl: 'De naam “Turkey” is verouderd: schrijf “Türkiye”.',
  fr: 'Le nom «\u00a0Turkey\u00a0» n’est plus d’usage\u00a0: écrivez «\u00a0Türkiye\u00a0».',
  de: 'Der Name „Turkey“ ist veraltet: Schreiben Sie „Türkiye“.',
};

describe('the CLI\'s locale', function () {
  this.timeout(120_000);
  let file: string;
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'council-notes-locale-'));
    file = join(dir, 'note.md');
    writeFileSync(file, DRAFT);
  });
  const json = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const run = runCli(['check', '--format', 'json', ...args, file], undefined, { env: { ...withoutLocale(process.env), ...env } });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout).files[0].diagnostics as { rule: string; message: string; suggestions?: string[] }[];
  };

  it('writes messages in the --locale language, in JSON, with the same rule ids and suggestions', () => {
    const english = json([]);
    assert.deepEqual(english.map((d) => d.message), [MESSAGES.en]);
    for (const locale of ['nl', 'fr', 'de'] as const) {
      const found = json(['--locale', locale]);
      assert.deepEqual(found.map((d) => d.message), [MESSAGES[locale]]);
      assert.deepEqual(found.map((d) => [d.rule, d.suggestions]), english.map((d) => [d.rule, d.suggestions]));
    }
  });

  it('takes the environment without --locale: LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.deepEqual(json([], { LANG: 'nl_NL.UTF-8' }).map((d) => d.message), [MESSAGES.nl]);
    assert.deepEqual(json([], { LANG: 'nl_NL.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }).map((d) => d.message), [MESSAGES.fr]);
    assert.deepEqual(json([], { LANG: 'nl_NL.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8', LC_ALL: 'de_DE.UTF-8' }).map((d) => d.message), [MESSAGES.de]);
    assert.deepEqual(json([], { LANG: 'C.UTF-8' }).map((d) => d.message), [MESSAGES.en]);
    assert.deepEqual(json([], { LANG: 'pt_PT.UTF-8' }).map((d) => d.message), [MESSAGES.en], 'a language without messages gets English');
    assert.deepEqual(json(['--locale', 'en'], { LC_ALL: 'de_DE.UTF-8' }).map((d) => d.message), [MESSAGES.en], '--locale wins');
    assert.deepEqual(json(['--locale', 'fr_BE.UTF-8']).map((d) => d.message), [MESSAGES.fr]);
  });

  it('writes the locale\'s message into SARIF and the text report', () => {
    const sarif = runCli(['check', '--format', 'sarif', '--locale', 'de', file]);
    assert.equal(JSON.parse(sarif.stdout).runs[0].results[0].message.text, MESSAGES.de);
    const text = runCli(['check', '--locale', 'nl', file]);
    assert.ok(text.stdout.includes(`warning deprecated-name: ${MESSAGES.nl}`), text.stdout);
  });

  it('refuses a locale without messages, and says so in check --help', () => {
    const run = runCli(['check', '--locale', 'pt', file]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown locale "pt" \(messages are in en, de, es, fr, it, nl\)/);
    assert.match(runCli(['check', '--help']).stdout, /--locale CODE/);
  });
});

describe('the language server\'s locale', function () {
  this.timeout(60_000);
  const workspace = mkdtempSync(join(tmpdir(), 'council-notes-locale-lsp-'));
  const uri = pathToFileURL(join(workspace, 'note.md')).toString();

  async function messagesWith(locale: string | undefined, settings?: Record<string, unknown>) {
    const client = new LspTestClient();
    client.locale = locale;
    if (settings) client.settings = settings;
    try {
      await client.initialize(workspace);
      client.open(uri, DRAFT);
      return { client, messages: (await client.diagnostics(uri, (p) => p.diagnostics.length > 0)).map((d) => d.message) };
    } catch (error) {
      await client.shutdown();
      throw error;
    }
  }

  it('writes messages in the client\'s display language, English without one', async () => {
    for (const [locale, expected] of [['nl', MESSAGES.nl], ['de-CH', MESSAGES.de], [undefined, MESSAGES.en], ['ja', MESSAGES.en]] as const) {
      const { client, messages } = await messagesWith(locale);
      assert.deepEqual(messages, [expected], `client locale ${locale}`);
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('lets councilNotes.locale override the display language, and applies a change at once', async () => {
    const { client, messages } = await messagesWith('nl', { locale: 'fr' });
    try {
      assert.deepEqual(messages, [MESSAGES.fr]);
      client.changeSettings({ locale: 'de' });
      assert.deepEqual((await client.diagnostics(uri, (p) => p.diagnostics[0]?.message === MESSAGES.de)).map((d) => d.message), [MESSAGES.de]);
      client.changeSettings({ locale: 'auto' });
      assert.deepEqual((await client.diagnostics(uri, (p) => p.diagnostics[0]?.message === MESSAGES.nl)).map((d) => d.message), [MESSAGES.nl]);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
