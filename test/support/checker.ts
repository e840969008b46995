/** Test access to the real checker: built-in model and language data, loaded once per run. */
import { checkDraft, type CheckSettings } from '../../server/src/core/check';
import type { Finding } from '../../server/src/core/findings';
import { ModelStore } from '../../server/src/core/model/model-store';
import type { PolicyIndex } from '../../server/src/core/model/policy-index';
import type { LanguageRegistry } from '../../server/src/core/language/registry';
import { loadLanguages } from '../../server/src/node/resources';
import { loadModelFromDisk } from '../../server/src/node/session';

let languages: LanguageRegistry | undefined;
let defaultModel: PolicyIndex | undefined;

export function testLanguages(): LanguageRegistry { return languages ??= loadLanguages(); }
export function testModel(): PolicyIndex { return defaultModel ??= loadModelFromDisk([]).build.index; }

/** The built-in model with extra YAML layers on top. */
export function modelWith(...layers: string[]): PolicyIndex {
  const { store, order } = loadModelFromDisk([]);
  layers.forEach((text, i) => store.update(`layer-${i}.policy.yaml`, text));
  return store.build([...order, ...layers.map((_, i) => `layer-${i}.policy.yaml`)]).index;
}

export function check(text: string, settings: CheckSettings = {}, model = testModel()) {
  return checkDraft({ text, model, languages: testLanguages(), settings });
}

/** Findings of one rule, as [found text, message] pairs. */
export function findingsOf(rule: string, text: string, language?: string, model?: PolicyIndex): { text: string; message: string; finding: Finding }[] {
  return check(text, { language }, model).findings
    .filter((f) => f.rule === rule)
    .map((finding) => ({ text: text.slice(finding.start, finding.end), message: finding.message, finding }));
}

/** Applies a finding's fix to the text. */
export function applyFix(text: string, finding: Finding): string {
  const edits = [...(finding.fix ?? [])].sort((a, b) => b.start - a.start);
  return edits.reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}
