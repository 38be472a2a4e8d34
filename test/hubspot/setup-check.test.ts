import { COMPANY_PROPERTIES, DEAL_PROPERTIES } from '../../src/domain/computed-properties';
import { assertPortalSetUp, ensureCsProperties, HubSpotError, HubSpotErrorCode, missingOutputProperties } from '../../src/hubspot';
import { withPortal } from './hubspot-test-portal';

jest.setTimeout(60_000);
const ALL = COMPANY_PROPERTIES.length + DEAL_PROPERTIES.length;

describe('checking the portal is set up before a sync', () => {
  it('stops with one message naming what is missing, in two calls, before setup', async () => {
    await withPortal({}, async (gateway) => {
      const error = (await assertPortalSetUp(gateway).catch((failure: unknown) => failure)) as HubSpotError;
      expect(error).toBeInstanceOf(HubSpotError);
      expect(error.code).toBe(HubSpotErrorCode.SetupRequired);
      expect(error.retryable).toBe(false);
      expect(error.message).toBe(
        `the portal is not set up for cs-health: ${ALL} of the properties the sync writes are missing (${COMPANY_PROPERTIES.slice(0, 5)
          .map((property) => `companies.${property.name}`)
          .join(', ')} and ${ALL - 5} more); run \`cs-health setup\` first`,
      );
      expect(gateway.totalCalls()).toBe(2);
    });
  });

  it('names exactly the properties still missing when setup ran only in part', async () => {
    const seed = (sink: import('../../src/sandbox/seed-format').SeedSink) => {
      for (const property of COMPANY_PROPERTIES) sink.property({ objectType: 'companies', name: property.name, label: property.label, type: property.type, fieldType: property.fieldType, groupName: 'companyinformation' });
    };
    await withPortal({ seed }, async (gateway) => {
      expect(await missingOutputProperties(gateway)).toEqual(DEAL_PROPERTIES.map((property) => `deals.${property.name}`));
    });
  });

  it('lets the sync go on once setup has run', async () => {
    await withPortal({}, async (gateway) => {
      await ensureCsProperties(gateway);
      await expect(assertPortalSetUp(gateway)).resolves.toBeUndefined();
      expect(await missingOutputProperties(gateway)).toEqual([]);
    });
  });
});
