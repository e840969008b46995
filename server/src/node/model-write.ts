/**
 * Where "add to workspace policy model" writes, and the write itself for editors that cannot
 * create files (the server carries the action out as a command). Both take the same path and
 * make the same checks: the target resolved without following a link out of the workspace
 * (write-target.ts), an existing file added to only when it reads without errors, the entries
 * added by a minimal edit that keeps the rest of the file (core/assist/model-edit.ts). A new file
 * is created exclusively (never over a file that appeared meanwhile); an existing one is replaced
 * atomically, and only if nobody changed it since it was read (fix-files.ts).
 */
import { basename } from 'node:path';
import { planEntriesEdit, type ModelAddition } from '../core/assist/model-edit';
import { applyReplacements, detectEol } from '../core/fix/apply';
import type { Replacement } from '../core/findings';
import { loadModelText } from '../core/model/load';
import { createFileExclusively, readDraftFile, refuseToWrite, writeDraftFileAtomic, type DraftFile } from './fix-files';
import { resolveWriteTarget } from './write-target';

export type ModelWritePlan = { file: string; exists: boolean; text: string; edit: Replacement } | { refusal: string };
type Entries = readonly Pick<ModelAddition, 'section' | 'entry'>[];

/**
 * The file `entries` go into (`path`, written for the workspace folder `folder`) and the edit
 * that adds them, or why not. `textOf` gives a file's current text (an open editor's, else the
 * disk's), undefined when it cannot be read.
 */
export function planModelWrite(path: string, folder: string, entries: Entries, textOf: (file: string) => string | undefined): ModelWritePlan {
  const resolved = resolveWriteTarget(path, folder);
  if ('refusal' in resolved) return resolved;
  const name = basename(resolved.file);
  const text = resolved.exists ? textOf(resolved.file) : undefined;
  if (resolved.exists && text === undefined) return { refusal: `${name} cannot be read` };
  if (text !== undefined && text.trim() !== '') {
    const error = loadModelText(resolved.file, text).problems.find((p) => p.severity === 'error');
    if (error) return { refusal: `${name} has errors (line ${error.range.start.line + 1}: ${error.message}); fix them first` };
  }
  const plan = planEntriesEdit(resolved.file, text, entries, text ? detectEol(text) : '\n');
  if ('refusal' in plan) return { refusal: `${name} ${plan.refusal}` };
  // Entries may come back from a client (a command's arguments): what is written must be a valid model.
  const invalid = loadModelText(resolved.file, applyReplacements(text ?? '', [plan.edit])).problems.find((p) => p.severity === 'error');
  if (invalid) return { refusal: `${name} would not be valid with the entry (${invalid.message})` };
  return { file: resolved.file, exists: resolved.exists, text: text ?? '', edit: plan.edit };
}

/** Writes the entries into the model file on disk; the file written, or why nothing was. */
export function writeModelEntries(path: string, folder: string, entries: Entries): { file: string } | { refusal: string } {
  let read: DraftFile | undefined;
  const plan = planModelWrite(path, folder, entries, (file) => {
    try { read = readDraftFile(file); } catch { return undefined; }
    return read.utf8 ? read.text : undefined;
  });
  if ('refusal' in plan) return plan;
  const after = applyReplacements(plan.text, [plan.edit]);
  try {
    if (read) {
      const refused = refuseToWrite(plan.file, folder);
      if (refused) return { refusal: `${basename(plan.file)} is not written: ${refused}` };
      // Refuses if the file changed since it was read.
      writeDraftFileAtomic(read, after);
    } else {
      // Fails if anything (a file, a link) appeared at the path meanwhile.
      createFileExclusively(plan.file, after);
    }
  } catch (error) {
    return { refusal: `${basename(plan.file)} could not be written (${(error as Error).message})` };
  }
  return { file: plan.file };
}
