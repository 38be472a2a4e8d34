import { PropertyReader } from '../../src/hubspot/property-values';
import { WarningCounter } from '../../src/hubspot/warning-counter';

const read = (properties: Record<string, string | null>) => {
  const warnings = new WarningCounter();
  return { values: new PropertyReader('deal', properties, warnings), warnings };
};

describe('property values', () => {
  it('reads numbers, keeps the range, and counts what is out of it or not a number', () => {
    const { values, warnings } = read({ a: ' 12.5 ', b: '101', c: 'abc', d: 'Infinity', e: '' });
    expect(values.number('a', 'a')).toBe(12.5);
    expect(values.number('b', 'b', { min: 0, max: 100 })).toBeUndefined();
    expect(values.number('c', 'c')).toBeUndefined();
    expect(values.number('d', 'd')).toBeUndefined();
    expect(values.number('e', 'e', { required: true })).toBeUndefined();
    expect(warnings.toJSON()).toEqual({ 'deal.b.invalid': 1, 'deal.c.invalid': 1, 'deal.d.invalid': 1, 'deal.e.missing': 1 });
  });

  it('reads booleans and enums, counting anything else as invalid', () => {
    const { values, warnings } = read({ yes: 'true', no: 'false', odd: 'yes', level: 'HIGH', other: 'URGENT' });
    expect([values.boolean('yes', 'yes'), values.boolean('no', 'no'), values.boolean('odd', 'odd')]).toEqual([true, false, undefined]);
    expect(values.oneOf('level', 'level', ['LOW', 'HIGH'])).toBe('HIGH');
    // A different list with the same first value is its own schema, not a cache hit on the first.
    expect(values.oneOf('level', 'level', ['LOW', 'MEDIUM'])).toBeUndefined();
    expect(values.oneOf('other', 'other', ['LOW', 'HIGH'])).toBeUndefined();
    expect(warnings.toJSON()).toEqual({ 'deal.odd.invalid': 1, 'deal.level.invalid': 1, 'deal.other.invalid': 1 });
  });
});
