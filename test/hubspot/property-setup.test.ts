import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { COMPANY_INPUT_PROPERTIES, COMPANY_PROPERTIES, DEAL_PROPERTIES } from '../../src/domain/computed-properties';
import { describeSetup, ensureCsProperties } from '../../src/hubspot';
import { startSandbox } from '../../src/sandbox/server';
import { TOKEN, withPortal } from './hubspot-test-portal';

const run = promisify(execFile);
const ALL = COMPANY_PROPERTIES.length + COMPANY_INPUT_PROPERTIES.length + DEAL_PROPERTIES.length;
jest.setTimeout(60_000);

describe('setting up the cs-health properties', () => {
  it('creates every property once and changes nothing the second time', async () => {
    await withPortal({}, async (gateway) => {
      const first = await ensureCsProperties(gateway);
      expect(first.created).toHaveLength(ALL);
      expect(first.groupsCreated).toEqual(['companies.customer_success', 'deals.customer_success']);
      expect(describeSetup(first)).toBe(`created ${ALL} properties`);
      const createCalls = gateway.callCounts()['properties.create'];

      const second = await ensureCsProperties(gateway);
      expect(second.created).toEqual([]);
      expect(second.alreadyExisted).toHaveLength(ALL);
      expect(describeSetup(second)).toBe(`nothing to change: ${ALL} properties already exist`);
      expect(gateway.callCounts()['properties.create']).toBe(createCalls);
      expect(gateway.callCounts()['propertyGroups.create']).toBe(2);
    });
  });

  it('runs from the CLI twice and says a wrong token in one line', async () => {
    const sandbox = await startSandbox({ port: 0, token: TOKEN });
    const cli = path.join(__dirname, '../../src/cli/cs-health.js');
    const setup = (token: string) => run(process.execPath, [cli, 'setup', '--base-url', sandbox.url], { env: { ...process.env, HUBSPOT_ACCESS_TOKEN: token } });
    try {
      expect((await setup(TOKEN)).stdout.trim()).toBe(`created ${ALL} properties`);
      expect((await setup(TOKEN)).stdout.trim()).toBe(`nothing to change: ${ALL} properties already exist`);
      const failure = await setup('wrong-token').then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr.trim().split('\n')).toEqual(['cs-health: HubSpot rejected the access token (401): check HUBSPOT_ACCESS_TOKEN']);
    } finally {
      await sandbox.close();
    }
  });
});
