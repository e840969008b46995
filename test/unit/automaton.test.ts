import assert from 'node:assert/strict';
import { DictionaryAutomaton, leftmostLongest } from '../../server/src/core/match/automaton';
import { BARRIER } from '../../server/src/core/markdown/parse';

function found(labels: string[], text: string) {
  const automaton = new DictionaryAutomaton<string>();
  for (const label of labels) automaton.add(label, label);
  return leftmostLongest(automaton.scan(text)).map((m) => [text.slice(m.start, m.end), m.values.join('|')]);
}

describe('DictionaryAutomaton', () => {
  it('finds every label in one pass, ignoring case', () => {
    assert.deepEqual(found(['Niger', 'Nigeria', 'Iraq'], 'From NIGERIA to Niger and iraq.'), [['NIGERIA', 'Nigeria'], ['Niger', 'Niger'], ['iraq', 'Iraq']]);
  });

  it('only matches whole words', () => {
    assert.deepEqual(found(['Niger', 'Oman'], 'Nigerian Romania Omani'), []);
  });

  it('prefers the longest of overlapping names', () => {
    assert.deepEqual(found(['Bosnia', 'Bosnia and Herzegovina', 'Herzegovina'], 'in Bosnia and Herzegovina.'), [['Bosnia and Herzegovina', 'Bosnia and Herzegovina']]);
  });

  it('matches across line breaks and repeated spaces, not across barriers', () => {
    assert.deepEqual(found(['Bosnia and Herzegovina'], 'Bosnia  and\nHerzegovina'), [['Bosnia  and\nHerzegovina', 'Bosnia and Herzegovina']]);
    assert.deepEqual(found(['Bosnia and Herzegovina'], `Bosnia and${BARRIER}Herzegovina`), []);
  });

  it('folds typographic apostrophes and keeps every value of a shared label', () => {
    const automaton = new DictionaryAutomaton<string>();
    automaton.add("Côte d'Ivoire", 'en');
    automaton.add("Côte d'Ivoire", 'fr');
    const matches = leftmostLongest(automaton.scan('in Côte d’Ivoire'));
    assert.equal(matches.length, 1);
    assert.deepEqual(matches[0].values, ['en', 'fr']);
  });

  it('keeps offsets right after astral characters', () => {
    const text = '😀😀 Iraq';
    const [match] = found(['Iraq'], text);
    assert.equal(match[0], 'Iraq');
  });

  it('finds patterns that are suffixes of others (failure links)', () => {
    assert.deepEqual(found(['she', 'he', 'hers'], 'ushers he'), [['he', 'he']]);
  });
});
