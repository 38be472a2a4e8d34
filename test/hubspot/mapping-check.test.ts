import { portalMappingSchema } from '../../src/domain/config/portal-mapping';
import { checkMappedProperties } from '../../src/hubspot';
import { seedPortal, withPortal, DEFAULT_SHAPE } from './hubspot-test-portal';

describe('checking the mapped properties exist', () => {
  it('warns once per mapped property the portal lacks, not once per record', async () => {
    await withPortal({ seed: seedPortal({ ...DEFAULT_SHAPE, companies: 3, bigCompanyContacts: 0 }) }, async (gateway) => {
      const missing = await checkMappedProperties(gateway, portalMappingSchema.parse({ company: { segment: 'tier' } }));
      expect(missing).toEqual(['companies.tier']);
      expect(gateway.warnings.get('mapping.property_missing')).toBe(1);
      expect(gateway.callCounts()).toEqual({ properties: 2 });
    });
  });
});
