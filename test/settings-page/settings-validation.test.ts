import fc from 'fast-check';
import { DEFAULT_ENGINE_CONFIG, riskRuleKeys, COMPONENT_KEYS as ENGINE_COMPONENT_KEYS } from '../../src/domain/config/engine-config';
import { MEASURES } from '../../src/domain/objectives/measure-catalogue';
import { DEFAULT_PLANS } from '../../src/domain/objectives/plan-schema';
import { settingsIssues } from '../../src/store/sql/settings-sql';
import type { SettingsDocument } from '../../src/store/store';
import { eventIssues, manualCountIssues, transitionIssues } from '../../extensions/settings/model/validate-entries';
import { exceptionalEventBodySchema, manualCountBodySchema, transitionBodySchema } from '../../src/settings/settings-api-schemas';
import { validateSettings } from '../../extensions/settings/model/validate-settings';
import { setIn } from '../../extensions/settings/model/document-paths';
import * as defaults from '../../extensions/settings/model/settings-defaults';

// The page checks a copy of the API's rules (it may not import src/ at run time). These tests hold
// the copy to the original: the same defaults, and never a page error the API would not give.

const base: SettingsDocument = { engine: {}, plans: { period: { length: 'quarter', start: '2026-10-01' }, managers: ['201'] }, admins: ['9001'] };
const paths = [
  ...ENGINE_COMPONENT_KEYS.map((k) => `engine.health.weights.${k}`),
  'engine.health.bands.atRiskUpTo',
  'engine.health.bands.neutralUpTo',
  ...riskRuleKeys.map((k) => `engine.churnRisk.weights.${k}`),
  'engine.churnRisk.levels.mediumFrom',
  'engine.churnRisk.levels.highFrom',
  ...(['individual', 'team', 'department', 'company'] as const).map((l) => `plans.roles.csm.levels.${l}`),
  'plans.roles.csm.variableSharePercent',
  'plans.roles.am.split.lead',
  'plans.roles.am.split.lag',
  'plans.roles.csm.measures.0.target',
  'plans.roles.csm.measures.0.threshold',
  'plans.roles.csm.measures.2.weight',
  'plans.roles.sales_rep.measures.0.threshold',
];
const withRoles = (doc: SettingsDocument) => setIn(doc, 'plans.roles', structuredClone(DEFAULT_PLANS));
const serverPaths = (doc: SettingsDocument) => new Set(settingsIssues(doc).map((i) => i.path));

describe('the page\'s copy of the settings rules', () => {
  it('shows the engine\'s own defaults and plans', () => {
    expect(defaults.DEFAULT_HEALTH_WEIGHTS).toEqual(DEFAULT_ENGINE_CONFIG.health.weights);
    expect(defaults.DEFAULT_BANDS).toEqual(DEFAULT_ENGINE_CONFIG.health.bands);
    expect(defaults.DEFAULT_RISK_WEIGHTS).toEqual(DEFAULT_ENGINE_CONFIG.churnRisk.weights);
    expect(defaults.DEFAULT_RISK_LEVELS).toEqual(DEFAULT_ENGINE_CONFIG.churnRisk.levels);
    expect(defaults.DEFAULT_ROLE_PLANS).toEqual(DEFAULT_PLANS);
    expect([...defaults.COMPONENT_KEYS]).toEqual([...ENGINE_COMPONENT_KEYS]);
    expect([...defaults.RISK_RULE_KEYS]).toEqual([...riskRuleKeys]);
    for (const [key, m] of Object.entries(MEASURES)) expect([key, defaults.MEASURE_FACTS[key as keyof typeof MEASURES]]).toEqual([key, { kind: m.kind, label: m.label, higherIsBetter: m.higherIsBetter, manual: m.manual }]);
  });

  it('finds nothing wrong where the API finds nothing wrong', () => {
    expect(settingsIssues(base)).toEqual([]);
    expect(validateSettings(base)).toEqual([]);
    expect(validateSettings(withRoles(base))).toEqual([]);
  });

  it('names the same bad path as the API for a bad value in any field it edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constant(-1), fc.constant(101), fc.constant(0)), fc.boolean(), (path, value, roles) => {
        // The page copies a role's default plan in whole before its first edit, so a role is never partial.
        const doc = setIn(roles || path.startsWith('plans.roles') ? withRoles(base) : base, path, value);
        const page = validateSettings(doc).map((i) => i.path);
        const api = serverPaths(doc);
        // Never stricter than the API: every page issue is one the API would give at that path.
        for (const p of page) expect([path, value, p, api.has(p)]).toEqual([path, value, p, true]);
        // And it sees every problem in the field it changed or the group that field belongs to.
        for (const p of api) if (path.startsWith(p)) expect([path, value, p, page.includes(p)]).toEqual([path, value, p, true]);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('names the period, plans and admins problems the API names', () => {
    const cases: SettingsDocument[] = [
      setIn(base, 'plans.period', { start: '2026-10-01', end: '2026-09-01' }),
      setIn(base, 'plans.period', { start: 'not a date', length: 'quarter' }),
      setIn(base, 'plans.period', { start: '2026-10-01' }),
      setIn(base, 'admins', ['ada']),
    ];
    for (const doc of cases) {
      const page = validateSettings(doc).map((i) => i.path);
      expect(page.length).toBeGreaterThan(0);
      for (const p of page) expect([p, serverPaths(doc).has(p)]).toEqual([p, true]);
    }
  });

  it('checks entries as the API\'s body schemas do, at the same paths', () => {
    const event = { accountIds: [], ownerIds: ['101'], reason: 'x' };
    expect(eventIssues(event).map((i) => i.path).sort()).toEqual(exceptionalEventBodySchema.safeParse(event).error!.issues.map((i) => i.path.join('.')).sort());
    const transition = { ownerIds: ['101'], from: '2026-11-15', to: '2026-11-01', reason: 'rebuild' };
    expect(transitionIssues(transition).map((i) => i.path)).toEqual(transitionBodySchema.safeParse(transition).error!.issues.map((i) => i.path.join('.')));
    const count = { measure: 'csat', ownerId: '101', value: -1, occurredAt: '2026-11-03' };
    expect(manualCountIssues(count).map((i) => i.path).sort()).toEqual(manualCountBodySchema.safeParse(count).error!.issues.map((i) => i.path.join('.')).sort());
    const good = { measure: 'webinars', ownerId: '101', value: 2, occurredAt: '2026-11-03' };
    expect([manualCountIssues(good), manualCountBodySchema.safeParse(good).success]).toEqual([[], true]);
  });
});
