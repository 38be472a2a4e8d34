import { companyIds } from '../../src/statements/company-ids';

describe('companyIds', () => {
  it('gives back every id pushed, exactly as written: integers as numbers, anything else as strings', () => {
    const ids = companyIds();
    const pushed = ['1001', '007', '12345678901', 'acme-7', '99999999999999999999', '-5', '3.5', '', ...Array.from({ length: 40 }, (_, i) => String(2_000 + i))];
    for (const id of pushed) ids.push(id);
    expect(ids.size).toBe(pushed.length);
    expect(ids.list().sort()).toEqual([...pushed].sort());
  });
});
