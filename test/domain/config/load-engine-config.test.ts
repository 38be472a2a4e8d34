import { DEFAULT_ENGINE_CONFIG } from '../../../src/domain/config/engine-config';
import { ConfigError, loadConfig, loadEngineConfig } from '../../../src/domain/config/load-engine-config';

const problems = (input: unknown): string => {
  try {
    loadEngineConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
};

describe('loadEngineConfig', () => {
  it('fills every default from an empty file', () => {
    expect(loadEngineConfig('{}')).toEqual(DEFAULT_ENGINE_CONFIG);
    expect(DEFAULT_ENGINE_CONFIG.health.bands).toEqual({ atRiskUpTo: 50, neutralUpTo: 75 });
    expect(DEFAULT_ENGINE_CONFIG.mapping.company.segment).toBe('cs_segment');
  });

  it('names the path and what was expected for a wrong type', () => {
    expect(problems({ health: { weights: { usage: 'abc' } } })).toContain('health.weights.usage: expected a number >= 0, got "abc"');
  });

  it('rejects all-zero weights, cut-offs out of order and unknown keys', () => {
    expect(problems({ health: { weights: { usage: 0, supportLoad: 0, resolution: 0, sentiment: 0, commercial: 0, relationship: 0 } } })).toContain('health.weights: at least one component weight must be above 0');
    expect(problems({ health: { bands: { atRiskUpTo: 80, neutralUpTo: 70 } } })).toContain('health.bands: atRiskUpTo must be below neutralUpTo');
    expect(problems({ health: { wieghts: {} } })).toMatch(/health: Unrecognized key.*wieghts/);
  });

  it('names nested paths: segment scorecards, risk levels, ticket norms, the portal mapping', () => {
    expect(problems({ health: { segments: { gold: { usage: 'high' } } } })).toContain('health.segments.gold.usage: expected a number >= 0, got "high"');
    expect(problems({ churnRisk: { levels: { mediumFrom: 70, highFrom: 40 } } })).toContain('churnRisk.levels: mediumFrom must be below highFrom');
    expect(problems({ health: { ticketNorms: { default: 0 } } })).toContain('health.ticketNorms.default: expected a number > 0, got 0');
    expect(problems({ mapping: { company: { segment: '' } } })).toContain('mapping.company.segment: a HubSpot property name is required, got ""');
  });

  it('reports every problem of a file at once', () => {
    const message = problems({ windows: { feedbackDays: -1 }, health: { weights: { support: 1 } } });
    expect(message).toMatch(/windows\.feedbackDays: .*got -1/);
    expect(message).toMatch(/health\.weights: Unrecognized key.*support/);
  });

  it('overrides only what a file states, under loadConfig too', () => {
    const loaded = loadConfig('{"health": {"bands": {"atRiskUpTo": 40}}}');
    expect(loaded.health.bands).toEqual({ atRiskUpTo: 40, neutralUpTo: 75 });
    expect(loaded.health.weights).toEqual(DEFAULT_ENGINE_CONFIG.health.weights);
  });

  it('says so when the file is not JSON', () => {
    expect(problems('{ not json')).toMatch(/^invalid configuration: the file is not valid JSON/);
  });
});

describe('the example configuration shipped with the project', () => {
  it('is the documented defaults and loads as they are', () => {
    const text = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../../src/domain/config/cs-health.config.example.json'), 'utf8');
    expect(loadEngineConfig(text)).toEqual(DEFAULT_ENGINE_CONFIG);
  });
});
