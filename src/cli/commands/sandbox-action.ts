import type { FaultOptions, FaultRates } from '../../sandbox/faults/fault-injector';
import { generateDemoPortal } from '../../sandbox/demo/generate-demo-portal';
import { OBJECT_TYPES } from '../../sandbox/seed-format';
import { listEndpoints, PortInUseError, startSandbox } from '../../sandbox/server';
import { CliError, usageError } from '../cli-error';
import type { CommandResult } from '../command-runner';
import { HUBSPOT_TIERS, SEARCH_PER_SECOND, type HubSpotTier } from '../hubspot-tiers';
import { stopOnSignals } from '../stop-on-signals';
import { parseFlags } from '../parse-flags';
import { sandboxFlags, type SandboxFlags } from './sandbox-flags';

function faultOptions(flags: SandboxFlags): FaultOptions | undefined {
  const rates: FaultRates = {
    tenSecondlyLimit: flags.fault429,
    dailyLimit: flags.fault429Daily,
    status500: flags.fault500,
    status502: flags.fault502,
    status503: flags.fault503,
    reset: flags.faultReset,
    truncate: flags.faultTruncate,
    latency: flags.faultLatency,
    latencyMs: flags.faultLatencyMs,
  };
  const defined = Object.fromEntries(Object.entries(rates).filter(([, value]) => value !== undefined)) as FaultRates;
  if (Object.keys(defined).length === 0) return undefined;
  const seed = flags.faultSeed ?? flags.seed;
  if (!flags.faultEndpoint || flags.faultEndpoint.length === 0) return { seed, all: defined };
  const known = new Set(listEndpoints().filter((endpoint) => endpoint.namespace === 'hubspot').map((endpoint) => endpoint.kind));
  const unknown = flags.faultEndpoint.filter((kind) => !known.has(kind));
  if (unknown.length > 0) throw usageError(`--fault-endpoint: unknown endpoint kind ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  return { seed, endpoints: Object.fromEntries(flags.faultEndpoint.map((kind) => [kind, defined])) };
}

function rateLimits(flags: SandboxFlags) {
  const tier = flags.hubspotLimits ? HUBSPOT_TIERS[flags.hubspotLimits as HubSpotTier] : undefined;
  const limits = {
    tenSecondly: flags.tenSecondlyLimit ?? tier?.tenSecondly,
    daily: flags.dailyLimit ?? tier?.daily,
    searchPerSecond: flags.searchLimit ?? (tier ? SEARCH_PER_SECOND : undefined),
  };
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}

/** Serves the portal and returns once it listens; SIGINT/SIGTERM finish in-flight requests, then exit. */
export async function runSandbox(raw: Record<string, unknown>): Promise<CommandResult> {
  const flags = parseFlags(sandboxFlags, raw);
  const asOf = flags.asOf ? new Date(flags.asOf) : new Date();
  const faults = faultOptions(flags);
  let sandbox;
  try {
    sandbox = await startSandbox({
      port: flags.port,
      host: flags.host,
      token: flags.token,
      rateLimits: rateLimits(flags),
      faults,
      seed: flags.data === 'demo' ? (sink) => void generateDemoPortal({ companies: flags.companies, seed: flags.seed, asOf }, sink) : undefined,
    });
  } catch (error) {
    if (error instanceof PortInUseError) throw new CliError(`sandbox: port ${error.port} is already in use; pick another with --port`, undefined, 'PORT_IN_USE');
    throw error;
  }
  const running = sandbox;
  const records = Object.fromEntries(OBJECT_TYPES.map((type) => [type, running.store.table(type).size]));
  stopOnSignals(() => running.close(), flags.json);
  return {
    figures: { url: running.url, data: flags.data, records, rateLimits: rateLimits(flags) },
    text: [
      `HubSpot sandbox portal listening on ${running.url} (${flags.data}: ${Object.entries(records).map(([type, n]) => `${n} ${type}`).join(', ')})`,
      `Use it with: new Client({ accessToken: '${flags.token ?? 'any'}', basePath: '${running.url}' })`,
    ].join('\n'),
  };
}
