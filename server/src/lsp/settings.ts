/** The extension's settings (councilNotes.*) as the server uses them, with defaults for bad values. */
import type { RuleSetting } from '../core/check';
import { SEVERITIES } from '../core/findings';

export interface ServerSettings {
  modelFiles: string[];
  useDefault: boolean;
  language: string;
  /** councilNotes.locale: the language of messages, or "auto" for the client's display language. */
  locale: string;
  rules: Record<string, RuleSetting>;
  /** councilNotes.maxDocumentSize: drafts longer than this are checked in part (undefined: the core's default). */
  maxDocumentSize?: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { modelFiles: [], useDefault: true, language: 'auto', locale: 'auto', rules: {} };

export function readSettings(raw: unknown): ServerSettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const model = (value.model ?? {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries((value.rules ?? {}) as Record<string, unknown>)) {
    if (setting === 'off' || SEVERITIES.includes(setting as never)) rules[id] = setting as RuleSetting;
  }
  return {
    modelFiles: Array.isArray(model.files) ? model.files.filter((f): f is string => typeof f === 'string') : [],
    useDefault: model.useDefault !== false,
    language: typeof value.language === 'string' ? value.language : 'auto',
    locale: typeof value.locale === 'string' && value.locale.trim() !== '' ? value.locale : 'auto',
    rules,
    maxDocumentSize: typeof value.maxDocumentSize === 'number' && Number.isFinite(value.maxDocumentSize) && value.maxDocumentSize > 0 ? value.maxDocumentSize : undefined,
  };
}
