import { describe, expect, it } from '@jest/globals';
import { foldConditions } from '../../src/query/fold-conditions.js';
import { odata } from '../../src/query/odata.js';
import { odataConditions } from '../../src/query/odata-conditions.js';
import { NOW } from './helpers.js';

// foldConditions with a query option given as null: it counts as absent.

const CONDITIONS = { createdFrom: odataConditions.atOrAfter('creationTime.date') };
const CREATED = "creationTime.date ge '2025-01-01T00:00:00.000Z'";
const textOf = (value: unknown) => String(value);

describe('foldConditions: a null query option', () => {
  it('builds a query of its own next to a null query', () => {
    const folded = foldConditions({ query: null, createdFrom: '2025-01-01' }, CONDITIONS, NOW);
    expect(Object.keys(folded)).toEqual(['query']);
    expect(textOf(folded['query'])).toBe(CREATED);
  });

  it('ignores a null q and folds into query', () => {
    const folded = foldConditions({ q: null, query: odata.has('x'), createdFrom: '2025-01-01' }, CONDITIONS, NOW);
    expect(folded['q']).toBeNull();
    expect(textOf(folded['query'])).toBe(`has(x) and ${CREATED}`);
  });

  it('folds into q when q is given', () => {
    const folded = foldConditions({ q: odata.filter(odata.has('x')), createdFrom: '2025-01-01' }, CONDITIONS, NOW);
    expect(textOf(folded['q'])).toBe(`$filter=(has(x) and ${CREATED})`);
    expect(Object.hasOwn(folded, 'query')).toBe(false);
  });
});
