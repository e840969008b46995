/**
 * Custom requests between the Council Notes client and server, beyond standard LSP. Shared by
 * both sides (the client bundles this file too), so names and shapes cannot drift apart.
 */
import type { Range } from 'vscode-languageserver-types';

/** Check every Markdown draft of the workspace and publish diagnostics for each, open or not. Supports work-done progress and cancellation. */
export const CHECK_WORKSPACE = 'councilNotes/checkWorkspace';
export interface CheckWorkspaceResult { files: number; findings: number; errors: number; cancelled: boolean }

/** Reload every model file from disk and rebuild the model; answers with the new ModelSummary. */
export const RELOAD_MODEL = 'councilNotes/reloadModel';

/** The model in use, for the status item. */
export const MODEL_SUMMARY = 'councilNotes/modelSummary';
export interface ModelSummary {
  name: string;
  files: { path: string; problems: number }[];
  entities: Record<string, number>;
  problems: number;
}

/** Sent by the server when the model was rebuilt (the client refreshes status and views); its params are the new ModelSummary. */
export const MODEL_CHANGED = 'councilNotes/modelChanged';

/** Language and language source of a draft, for the status item. */
export const DOCUMENT_INFO = 'councilNotes/documentInfo';
export interface DocumentInfoParams { uri: string }
export interface DocumentInfo { language: string; languageSource: 'setting' | 'front-matter' | 'detected' }

/** What a draft cites, grouped by kind, for the References view. */
export const DOCUMENT_REFERENCES = 'councilNotes/documentReferences';
export interface DocumentReferencesParams { uri: string }
/** `id` is the model id; for an article it is `<act id>#<article id>` (e.g. "32009R0810#25a"), whose entry is the act's. */
export interface ReferencedEntity { kind: 'country' | 'act' | 'article' | 'body' | 'instrument' | 'acronym' | 'group'; id: string; label: string; ranges: Range[] }
export interface DocumentReferences { groups: { kind: ReferencedEntity['kind']; entities: ReferencedEntity[] }[] }

/** Where a model entity is defined: the model file and the range of its entry (built-in files are served read-only). */
export const MODEL_ENTRY = 'councilNotes/modelEntry';
export interface ModelEntryParams { section: string; id: string }
export interface ModelEntryLocation { uri: string; range: Range; builtIn: boolean }

/** The text of a built-in model file, for a read-only view (URI scheme `council-notes-model:`). */
export const MODEL_FILE_TEXT = 'councilNotes/modelFileText';
export interface ModelFileTextParams { uri: string }

/**
 * URI scheme under which the client shows built-in model files read-only
 * (`council-notes-model:/20-acts.policy.yaml`). Editors without it pass the initialization option
 * `{ "builtInModelUris": "file" }` and get file URIs instead.
 */
export const BUILT_IN_MODEL_SCHEME = 'council-notes-model';

/**
 * Compare a translation with its original (another language version): the findings are then
 * published with the translation's diagnostics, each pointing at the original, and kept up to
 * date as either file is edited, as the front-matter key `original:` does. `original: null` ends it.
 */
export const COMPARE_WITH = 'councilNotes/compareWith';
export interface CompareWithParams { uri: string; original: string | null }
export interface CompareWithResult { original: string; language: string; originalLanguage: string; findings: number; errors: number }

/**
 * The client command that opens a finding's link ("Open on EUR-Lex") in the browser. A client that
 * has it lists it in `capabilities.experimental.commands.commands`; others get the server's
 * command, which asks them to show the address (window/showDocument, external).
 */
export const OPEN_LINK_CLIENT_COMMAND = 'councilNotes.openLink';
