import type { Rule } from '../rule';

/**
 * The notice that a draft above the size limit was checked only in part (see check.ts). It is a
 * finding, so the drafter sees it where they see everything else: nothing is cut silently.
 */
export const partialCheck: Rule = {
  id: 'partial-check',
  description: 'A draft above the size limit (councilNotes.maxDocumentSize, default 5 MB) is checked only up to the limit.',
  defaultSeverity: 'information',
};
