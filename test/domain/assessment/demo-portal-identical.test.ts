import { createHash } from 'node:crypto';
import { assessCustomer } from '../../../src/domain/assessment/assess-customer';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import type { Customer } from '../../../src/domain/customer';
import { signalsAt } from '../../../src/domain/health/customer-signals';
import { computeScore, hasHealthData, scorecardWeights } from '../../../src/domain/health/health-score';
import { pastScore } from '../../../src/domain/health/past-score';
import { signalsScore } from '../../../src/domain/health/weighted-score';
import { canonical, DEMO_DATES, readDemoCustomers } from '../fixtures/demo-golden';

const DAY = 86_400_000;
const DATES = DEMO_DATES;

describe('the engine stays identical on the demo portal while it gets faster', () => {
  let customers: Customer[];
  beforeAll(async () => {
    customers = await readDemoCustomers();
  });

  it('takes the trend\'s lean past score equal to the full past computeScore for every company and date', () => {
    let compared = 0;
    for (const today of DATES) {
      for (const customer of customers) {
        const current = signalsAt(customer, config, today);
        const { weights } = scorecardWeights(customer.segment, config);
        for (const days of [1, 30, 90]) {
          const then = new Date(today.getTime() - days * DAY);
          const pastSignals = signalsAt(customer, config, then, current);
          const full = computeScore(pastSignals, weights, config, false);
          const expected = { score: full.score, contributions: full.components.map((c) => c.contribution), hasData: hasHealthData(full), heldAtCurrent: pastSignals.heldAtCurrent };
          expect([customer.id, pastScore(customer, config, then, current, weights)]).toEqual([customer.id, expected]);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(300 * DATES.length * 3);
  });

  it('takes the backtest\'s lean signals score equal to computeScore\'s score for every company and date', () => {
    let compared = 0;
    for (const today of DATES) {
      for (const customer of customers) {
        const { weights } = scorecardWeights(customer.segment, config);
        for (const days of [0, 30, 90]) {
          const signals = signalsAt(customer, config, new Date(today.getTime() - days * DAY), undefined, undefined, days > 0);
          // Also as the backtest measures them, without usage and touches.
          const cleared = { ...signals, usageScore: undefined, touchesLast90Days: undefined };
          for (const s of [signals, cleared]) {
            const full = computeScore(s, weights, config, false);
            expect([customer.id, signalsScore(s, weights, config)]).toEqual([customer.id, hasHealthData(full) ? full.score : undefined]);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(300 * DATES.length * 3 * 2);
  });

  it('keeps every assessment of the 300 companies on four dates (golden hash, taken before the speed work)', () => {
    // A change of this hash is a change of some value, health, risk, reason or component: a speed-up
    // must keep it; a deliberate change of behaviour updates it and says why.
    const hashes = DATES.map((date) => {
      const hash = createHash('sha256');
      for (const customer of customers) hash.update(canonical(assessCustomer(customer, config, date)));
      return hash.digest('hex').slice(0, 16);
    });
    expect(hashes).toEqual(GOLDEN);
  });
});

/** Taken at commit 3901721, before the lean past score. */
const GOLDEN = ['7270f5d9fb732120', 'e590fb45413266ef', 'e1f22a8172d9acde', '9ed406729686b7d0'];
