import { createHubSpotGateway, describeSetup, ensureCsProperties } from '../../hubspot';
import type { CommandResult } from '../command-runner';
import { withHubSpotAt } from '../hubspot-reach';
import { parseFlags } from '../parse-flags';
import { setupFlags } from './setup-flags';

export async function runSetup(raw: Record<string, unknown>): Promise<CommandResult> {
  const flags = parseFlags(setupFlags, raw);
  const gateway = createHubSpotGateway({ basePath: flags.baseUrl, accessToken: process.env.HUBSPOT_ACCESS_TOKEN });
  try {
    const result = await withHubSpotAt(flags.baseUrl, () => ensureCsProperties(gateway));
    return {
      figures: { created: result.created.length, alreadyExisted: result.alreadyExisted.length, groupsCreated: result.groupsCreated, apiCallsTotal: gateway.totalCalls() },
      text: describeSetup(result),
    };
  } finally {
    await gateway.close();
  }
}
