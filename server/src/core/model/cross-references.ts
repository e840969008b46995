/** Cross-references between entities, checked on the merged model and reported in the file that makes them. */
import type { PolicyModel, PolicyModelFile, SectionName } from '../../../../schemas/policy-model';
import type { LoadedModelFile, ModelProblem } from './load';
import type { MergedModel } from './merge';

type Reference = { path: (string | number)[]; id: string; sections: SectionName[] };

export function checkCrossReferences(layer: PolicyModelFile, merged: MergedModel, loaded: LoadedModelFile): ModelProblem[] {
  // A layer's entries may be partial (they extend earlier ones): every field below is optional in practice.
  const model = layer as PolicyModel;
  const references: Reference[] = [];
  const entities: SectionName[] = ['countries', 'groups', 'bodies', 'instruments', 'acts', 'places'];
  model.groups?.forEach((group, i) => group.members?.forEach((id, j) => references.push({ path: ['groups', i, 'members', j], id, sections: ['countries'] })));
  model.facts?.forEach((fact, i) => {
    references.push({ path: ['facts', i, 'kind'], id: fact.kind, sections: ['factKinds'] });
    references.push({ path: ['facts', i, 'subject'], id: fact.subject, sections: entities });
    if (fact.act) references.push({ path: ['facts', i, 'act'], id: fact.act, sections: ['acts'] });
    if (fact.body) references.push({ path: ['facts', i, 'body'], id: fact.body, sections: ['bodies'] });
  });
  model.acts?.forEach((act, i) => {
    act.articles?.inserted?.forEach((inserted, j) => references.push({ path: ['acts', i, 'articles', 'inserted', j, 'by'], id: inserted.by, sections: ['acts'] }));
    act.amends?.forEach((id, j) => references.push({ path: ['acts', i, 'amends', j], id, sections: ['acts'] }));
  });
  model.instruments?.forEach((instrument, i) => {
    instrument.countries?.forEach((id, j) => references.push({ path: ['instruments', i, 'countries', j], id, sections: ['countries'] }));
    instrument.groups?.forEach((id, j) => references.push({ path: ['instruments', i, 'groups', j], id, sections: ['groups'] }));
    instrument.legalBasis?.forEach((id, j) => references.push({ path: ['instruments', i, 'legalBasis', j], id, sections: ['acts'] }));
  });
  model.bodies?.forEach((body, i) => body.legalBasis?.forEach((id, j) => references.push({ path: ['bodies', i, 'legalBasis', j], id, sections: ['acts'] })));
  model.acronyms?.forEach((acronym, i) => {
    if (acronym.refersTo) references.push({ path: ['acronyms', i, 'refersTo'], id: acronym.refersTo, sections: ['bodies', 'instruments', 'acts', 'groups'] });
  });
  model.places?.forEach((place, i) => { if (place.country) references.push({ path: ['places', i, 'country'], id: place.country, sections: ['countries'] }); });

  return references
    .filter((ref) => !ref.sections.some((section) => merged.sections[section].has(ref.id)))
    .map((ref) => ({
      file: loaded.file,
      severity: 'error' as const,
      message: `Unknown ${ref.sections.length === 1 ? singular(ref.sections[0]) : 'entity'} id "${ref.id}".`,
      range: loaded.rangeAt(ref.path),
    }));
}

function singular(section: SectionName): string {
  const names: Partial<Record<SectionName, string>> = { countries: 'country', factKinds: 'fact kind', acts: 'act', bodies: 'body', groups: 'group' };
  return names[section] ?? section;
}
