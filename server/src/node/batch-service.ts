/**
 * The core's service (core/service.ts) for a batch run: the CLI and its worker threads check
 * through the same service as the language server, with one model, one set of settings and
 * the files on disk as their workspace.
 */
import type { CheckSettings } from '../core/check';
import type { LanguageRegistry } from '../core/language/registry';
import type { PolicyIndex } from '../core/model/policy-index';
import { DraftService } from '../core/service';
import { MAX_DRAFT_BYTES, readRegularFile } from './resources';

export function batchService(model: PolicyIndex, languages: LanguageRegistry, settings: CheckSettings): DraftService {
  return new DraftService({
    languages,
    model: () => ({ index: model, generation: 0 }),
    settings: () => settings,
    readFile: (file) => {
      try { return readRegularFile(file, MAX_DRAFT_BYTES).toString('utf8').replace(/^\uFEFF/, ''); } catch { return undefined; }
    },
    // A batch run checks the files it is given: no workspace to search, no model files to point into.
    drafts: () => [],
    entityLocations: () => [],
  });
}
