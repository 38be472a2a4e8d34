import { asciiSlug } from './demo-portal-setup';
import { NAME_QUALIFIERS, NAME_REGIONS, NAME_ROOTS, NAME_SUFFIXES } from './demo-vocabulary';

const NAME_SPACE = NAME_ROOTS.length * NAME_QUALIFIERS.length * NAME_REGIONS.length * NAME_SUFFIXES.length;
/** A prime that shares no factor with NAME_SPACE (120,000 = 2^6 x 3 x 5^4), so `index x STRIDE mod NAME_SPACE` visits every name once. */
const STRIDE = 7919;

/**
 * The company at `index` gets a distinct name, domain and matching industry without any lookup
 * table, so names stay unique at 100,000 companies while neighbours look unrelated.
 *
 * @example
 * companyName(0) // => { name: 'Acme Data Corp', domain: 'acme-data-corp.example', industry: 'COMPUTER_SOFTWARE' }
 */
export function companyName(index: number): { name: string; domain: string; industry: string } {
  let k = (index * STRIDE) % NAME_SPACE;
  const root = NAME_ROOTS[k % NAME_ROOTS.length];
  k = Math.floor(k / NAME_ROOTS.length);
  const [qualifier, industry] = NAME_QUALIFIERS[k % NAME_QUALIFIERS.length];
  k = Math.floor(k / NAME_QUALIFIERS.length);
  const suffix = NAME_SUFFIXES[k % NAME_SUFFIXES.length];
  k = Math.floor(k / NAME_SUFFIXES.length);
  const region = NAME_REGIONS[k % NAME_REGIONS.length];
  const name = `${root} ${qualifier}${region} ${suffix}`;
  return { name, domain: `${asciiSlug(name)}.example`, industry };
}
