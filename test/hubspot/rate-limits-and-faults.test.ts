import { portalMappingSchema } from '../../src/domain/config/portal-mapping';
import { countTouches, createHubSpotGateway, HubSpotError, HubSpotErrorCode, readCustomerPages, readPortalContext, type HubSpotGateway } from '../../src/hubspot';
import { startSandbox } from '../../src/sandbox/server';
import type { SeedSink } from '../../src/sandbox/seed-format';
import { DEFAULT_SHAPE, seedPortal, TOKEN, withPortal } from './hubspot-test-portal';

jest.setTimeout(60_000);
const mapping = portalMappingSchema.parse({});
const owners = (gateway: HubSpotGateway) => gateway.call('owners', (client) => client.crm.owners.ownersApi.getPage());

function touches(sink: SeedSink) {
  sink.object('companies', { id: '1', properties: { name: 'Touched' } });
  sink.object('companies', { id: '2', properties: { name: 'Other' } });
  const logged: [type: 'calls' | 'emails' | 'meetings', company: string, owner: string, at: string][] = [
    ['calls', '1', '501', '2026-10-05T10:00:00Z'],
    ['calls', '1', '502', '2026-10-06T10:00:00Z'],
    ['emails', '1', '501', '2026-10-07T10:00:00Z'],
    ['meetings', '1', '501', '2026-10-08T10:00:00Z'],
    ['meetings', '1', '501', '2026-07-01T10:00:00Z'],
    ['emails', '2', '501', '2026-10-09T10:00:00Z'],
  ];
  logged.forEach(([type, company, owner, at], index) => {
    sink.object(type, { id: String(index + 1), properties: { hs_timestamp: at, hubspot_owner_id: owner } });
    sink.associate(type, String(index + 1), 'companies', company);
  });
}

async function readAll(gateway: HubSpotGateway) {
  const context = await readPortalContext(gateway);
  const customers = [];
  for await (const page of readCustomerPages(gateway, context, mapping)) customers.push(...page.customers);
  return customers.sort((a, b) => Number(a.id) - Number(b.id));
}

describe('rate limits and faults', () => {
  it('waits out a TEN_SECONDLY_ROLLING 429 for the window, then retries', async () => {
    await withPortal({ rateLimits: { tenSecondly: 4 } }, async (gateway) => {
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 6 }, () => owners(gateway)));
      expect(results).toHaveLength(6);
      expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
      // The refused attempts are counted: they cost budget and the sync reports them.
      expect(gateway.callCounts().owners).toBeGreaterThan(6);
    });
  });

  it('spaces requests so the portal budget is never exceeded', async () => {
    await withPortal({ rateLimits: { tenSecondly: 20 } }, async (gateway) => {
      const started = Date.now();
      await Promise.all(Array.from({ length: 4 }, () => owners(gateway)));
      expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 500 - 50);
      expect(gateway.callCounts().owners).toBe(4);
    }, { budget: { perTenSeconds: 20 } });
  });

  it('backs off a second on search 429 (SECONDLY) and counts touches through search totals', async () => {
    await withPortal({ seed: touches, rateLimits: { searchPerSecond: 2 } }, async (gateway) => {
      const window = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-10-31T00:00:00Z') };
      const [company, owner, both] = await Promise.all([
        countTouches(gateway, { companyId: '1', ...window }),
        countTouches(gateway, { ownerId: '501', ...window }),
        countTouches(gateway, { ownerId: '501', companyId: '1', ...window }),
      ]);
      expect([company, owner, both]).toEqual([4, 4, 3]);
      expect(gateway.callCounts().search).toBeGreaterThan(9);
    }, { budget: { searchPerSecond: 50 } });
  });

  it('stops on a DAILY 429 without retrying and says when to resume', async () => {
    await withPortal({ rateLimits: { daily: 2 } }, async (gateway) => {
      await owners(gateway);
      await owners(gateway);
      const error = await owners(gateway).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(HubSpotError);
      expect((error as HubSpotError).code).toBe(HubSpotErrorCode.DailyLimit);
      expect((error as HubSpotError).retryable).toBe(false);
      expect((error as HubSpotError).message).toMatch(/daily API limit reached; resume after .*\d{4}-\d{2}-\d{2}T00:00:00\.000Z/);
      expect(gateway.callCounts().owners).toBe(3);
    });
  });

  it('says a wrong token in one line and does not retry it', async () => {
    const sandbox = await startSandbox({ port: 0, token: TOKEN });
    const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: 'wrong' });
    try {
      const error = (await owners(gateway).catch((failure: unknown) => failure)) as HubSpotError;
      expect(error.code).toBe(HubSpotErrorCode.Unauthorized);
      expect(error.message).not.toContain('\n');
      expect(gateway.callCounts().owners).toBe(1);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });

  it('reads the same customers under 5xx, resets and truncated bodies as without faults', async () => {
    const shape = { ...DEFAULT_SHAPE, companies: 120, bigCompanyContacts: 0 };
    const run = (gateway: HubSpotGateway) => readAll(gateway).then((customers) => ({ customers, calls: gateway.totalCalls() }));
    const clean = await withPortal({ seed: seedPortal(shape) }, run);
    const faults = { seed: 7, all: { status500: 0.05, status503: 0.05, reset: 0.05, truncate: 0.05 } };
    const faulty = await withPortal({ seed: seedPortal(shape), faults }, run, { retry: { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 8, attemptTimeoutMs: 2_000 } });
    expect(faulty.customers).toEqual(clean.customers);
    // The faulted attempts were retried, and counted.
    expect(faulty.calls).toBeGreaterThan(clean.calls);
  });
});
