import type { Deal } from '../../../src/domain/customer';
import { openPipeline } from '../../../src/domain/portfolio/open-pipeline';

const open = (id: string, extra: Partial<Deal>): Deal => ({ id, outcome: 'open', ownerId: '7', ...extra });

describe('the weighted total of a rep\'s open pipeline', () => {
  it('adds amount x stage probability over the rep\'s open deals, once each', () => {
    const deals: Deal[] = [
      open('a', { amount: 10_000, stageProbability: 0.6 }), // 6,000
      open('b', { amount: 20_000, stageProbability: 0.2 }), // 4,000
      open('a', { amount: 10_000, stageProbability: 0.6 }), // the same deal under a second company
      open('c', { amount: 5_000 }), // no stage probability: amount counts, weighted does not
      open('d', { amount: 1_000, stageProbability: 40 }), // probability in percent: refused
      open('e', { ownerId: '8', amount: 99_000, stageProbability: 0.9 }), // another rep
      { id: 'f', outcome: 'won', ownerId: '7', amount: 50_000, stageProbability: 1 },
    ];
    expect(openPipeline(deals, '7')).toEqual({ deals: 4, amount: 36_000, weighted: 10_000, withoutProbability: 2 });
  });

  it('is all zeros with no open deal, the count saying there is none', () => {
    expect(openPipeline([], '7')).toEqual({ deals: 0, amount: 0, weighted: 0, withoutProbability: 0 });
  });
});
