import type { Rule } from '../rule';

/**
 * The notice that a draft was checked only in part: above the size limit (see check.ts), with
 * a line nested too deep to read as Markdown (markdown/nesting.ts), read as plain prose, or with a
 * paragraph too crowded with markup, read as plain text (markdown/inline-limits.ts). It is a
 * finding, so the drafter sees it where they see everything else: nothing is cut silently.
 */
export const partialCheck: Rule = {
  id: 'partial-check',
  description: 'A draft checked only in part: above the size limit (councilNotes.maxDocumentSize, default 5 MB) only up to the limit; nested more than 100 levels deep, as plain prose; a paragraph with more than 2,000 markup characters, with its markup read as plain text.',
  defaultSeverity: 'information',
};
