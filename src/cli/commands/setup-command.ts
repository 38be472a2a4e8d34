import type { Command } from 'commander';
import { z } from 'zod';
import { parseFlags } from '../parse-flags';
import { createHubSpotGateway, describeSetup, ensureCsProperties } from '../../hubspot';

const setupFlags = z.object({
  baseUrl: z.url({ message: '--base-url must be a URL such as http://127.0.0.1:4010' }),
});

/** `cs-health setup`: creates the customer_success property group and properties, idempotently. */
export function registerSetupCommand(program: Command): void {
  program
    .command('setup')
    .description('create the cs-health properties (group customer_success) on companies and deals; safe to run twice')
    .option('--base-url <url>', 'HubSpot API base URL (default: the local sandbox)', 'http://127.0.0.1:4010')
    .action(async (raw: unknown) => {
      const flags = parseFlags(setupFlags, raw);
      const gateway = createHubSpotGateway({ basePath: flags.baseUrl, accessToken: process.env.HUBSPOT_ACCESS_TOKEN });
      try {
        console.log(describeSetup(await ensureCsProperties(gateway)));
      } finally {
        await gateway.close();
      }
    });
}
