/** Every rule, in reporting order. Ids are part of the CLI contract: never rename one. */
import type { Rule } from '../rule';
import { unknownCountry } from './unknown-country';
import { deprecatedName } from './deprecated-name';
import { designationFootnote } from './designation-footnote';
import { unknownAct } from './unknown-act';
import { malformedCitation } from './malformed-citation';
import { unknownArticle } from './unknown-article';
import { footnoteReference } from './footnote-reference';
import { noteHeader } from './note-header';
import { modelSchema } from './model-schema';
import { partialCheck } from './partial-check';
import { invalidDate } from './invalid-date';
import { dateFormat } from './date-format';
import { deprecatedTerm } from './deprecated-term';
import { undefinedAcronym } from './undefined-acronym';
import { acronymExpansion } from './acronym-expansion';
import { listCount } from './list-count';
import { groupMembership } from './group-membership';
import { factMismatch } from './fact-mismatch';
import { unknownInstrument } from './unknown-instrument';

export const RULES: readonly Rule[] = [
  unknownCountry, deprecatedName, designationFootnote, unknownAct, malformedCitation,
  unknownArticle, footnoteReference, noteHeader, listCount, groupMembership, unknownInstrument, factMismatch, undefinedAcronym, acronymExpansion, invalidDate, dateFormat, deprecatedTerm, modelSchema, partialCheck,
];

export const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
