/**
 * Layers model files: the built-in default first, then workspace files. A later layer adds
 * entities, extends those with the same id (objects merged, lists united), replaces them
 * (`mode: replace`), or deletes them (`remove`).
 */
import { SECTION_NAMES } from '../../../../schemas/model-names';
import type { PolicyModelFile, SectionName } from '../../../../schemas/policy-model';

export type Entity = { id: string; mode?: 'extend' | 'replace' } & Record<string, unknown>;
export type EntitySections = Record<SectionName, Map<string, Entity>>;

export interface EntityOrigin { file: string; section: SectionName; index: number }

export interface MergedModel {
  sections: EntitySections;
  /** Every layer that defined or extended each entity, in order (for "go to definition"). */
  origins: Map<string, EntityOrigin[]>;
  files: string[];
}

export interface ModelLayer { file: string; model: PolicyModelFile }

export const originKey = (section: SectionName, id: string) => `${section}:${id}`;

export function mergeLayers(layers: readonly ModelLayer[]): MergedModel {
  const sections = Object.fromEntries(SECTION_NAMES.map((name) => [name, new Map<string, Entity>()])) as EntitySections;
  const origins = new Map<string, EntityOrigin[]>();
  for (const { file, model } of layers) {
    for (const [section, ids] of Object.entries(model.remove ?? {}) as [SectionName, string[]][]) {
      for (const id of ids) {
        sections[section].delete(id);
        origins.delete(originKey(section, id));
      }
    }
    for (const section of SECTION_NAMES) {
      const entries = (model[section] ?? []) as Entity[];
      entries.forEach((entry, index) => {
        const existing = sections[section].get(entry.id);
        const { mode, ...data } = entry;
        const key = originKey(section, entry.id);
        if (!existing || mode === 'replace') {
          // Layers are never mutated (deepMerge builds new objects), so entries can be shared.
          sections[section].set(entry.id, data as Entity);
          origins.set(key, [{ file, section, index }]);
        } else {
          sections[section].set(entry.id, deepMerge(existing, data) as Entity);
          origins.get(key)?.push({ file, section, index });
        }
      });
    }
  }
  return { sections, origins, files: layers.map((layer) => layer.file) };
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Objects merge key by key; lists are united (by value); anything else is replaced. */
export function deepMerge(base: unknown, extra: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(extra)) {
    const seen = new Set(base.map((item) => JSON.stringify(item)));
    const merged = [...base];
    for (const item of extra) {
      const key = JSON.stringify(item);
      if (!seen.has(key)) { seen.add(key); merged.push(item); }
    }
    return merged;
  }
  if (isPlainObject(base) && isPlainObject(extra)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(extra)) {
      if (UNSAFE_KEYS.has(key)) continue;
      merged[key] = Object.hasOwn(base, key) ? deepMerge(base[key], value) : value;
    }
    return merged;
  }
  return extra;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
