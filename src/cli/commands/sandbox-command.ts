import { Command, Option } from 'commander';
import { z } from 'zod';
import { loadDemoGenerator } from '../../sandbox/demo-seed';
import type { FaultOptions, FaultRates } from '../../sandbox/faults/fault-injector';
import { OBJECT_TYPES } from '../../sandbox/seed-format';
import { listEndpoints, PortInUseError, startSandbox } from '../../sandbox/server';

const rate = z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const positiveInt = z.coerce.number().int().positive('must be a positive integer');

/** The flags, validated; each message names the flag. */
const sandboxFlags = z.object({
  port: z.coerce.number().int().min(0).max(65_535, 'must be a port number (0-65535)'),
  host: z.string().min(1),
  data: z.enum(['demo', 'empty']),
  companies: positiveInt,
  seed: z.coerce.number().int(),
  asOf: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO date').optional(),
  token: z.string().min(1).optional(),
  tenSecondlyLimit: positiveInt.optional(),
  dailyLimit: positiveInt.optional(),
  searchLimit: positiveInt.optional(),
  hubspotLimits: z.boolean().optional(),
  faultSeed: z.coerce.number().int().optional(),
  fault429: rate.optional(),
  fault429Daily: rate.optional(),
  fault500: rate.optional(),
  fault502: rate.optional(),
  fault503: rate.optional(),
  faultReset: rate.optional(),
  faultTruncate: rate.optional(),
  faultLatency: rate.optional(),
  faultLatencyMs: z.coerce.number().int().min(0).optional(),
  faultEndpoint: z
    .array(z.string())
    .optional()
    .superRefine((kinds, context) => {
      const known = new Set(listEndpoints().filter((endpoint) => endpoint.namespace === 'hubspot').map((endpoint) => endpoint.kind));
      const unknown = (kinds ?? []).filter((kind) => !known.has(kind));
      if (unknown.length > 0) context.addIssue({ code: 'custom', message: `unknown endpoint kind ${unknown.join(', ')}; known: ${[...known].join(', ')}` });
    }),
});

type SandboxFlags = z.infer<typeof sandboxFlags>;

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
  return { seed, endpoints: Object.fromEntries(flags.faultEndpoint.map((kind) => [kind, defined])) };
}

function parseFlags(raw: Record<string, unknown>): SandboxFlags {
  const result = sandboxFlags.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const flag = String(issue?.path[0] ?? '').replace(/[A-Z0-9]+/g, (part) => `-${part.toLowerCase()}`);
  throw new Error(`--${flag}: ${issue?.message ?? 'invalid value'}`);
}

/** `cs-health sandbox`: serves a local HubSpot portal until SIGINT/SIGTERM. */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('Serve a local HubSpot portal the @hubspot/api-client can use (basePath = the printed URL)')
    .option('--port <port>', 'port to listen on (0 = any free port)', '4010')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .addOption(new Option('--data <data>', 'portal contents').choices(['demo', 'empty']).default('demo'))
    .option('--companies <n>', 'companies in the demo portal', '200')
    .option('--seed <s>', 'seed of the demo data (and of faults unless --fault-seed)', '42')
    .option('--as-of <date>', 'the demo portal\'s "today" (ISO date; default now)')
    .option('--token <token>', 'require Authorization: Bearer <token> (401 otherwise)')
    .option('--ten-secondly-limit <n>', 'requests per rolling 10 s per token (HubSpot Pro: 190)')
    .option('--daily-limit <n>', 'requests per day per token (HubSpot Pro: 625000)')
    .option('--search-limit <n>', 'search requests per second per token (HubSpot: 5)')
    .option('--hubspot-limits', 'use HubSpot Pro/Enterprise limits: 190 / 10 s, 1,000,000 / day, 5 searches / s')
    .option('--fault-seed <s>', 'seed of the fault PRNG (replays the same faults)')
    .option('--fault-429 <rate>', 'share of requests answered 429 TEN_SECONDLY_ROLLING (0-1)')
    .option('--fault-429-daily <rate>', 'share of requests answered 429 DAILY (0-1)')
    .option('--fault-500 <rate>', 'share of requests answered 500 (0-1)')
    .option('--fault-502 <rate>', 'share of requests answered 502 (0-1)')
    .option('--fault-503 <rate>', 'share of requests answered 503 (0-1)')
    .option('--fault-reset <rate>', 'share of connections reset before an answer (0-1)')
    .option('--fault-truncate <rate>', 'share of answers cut half-way; the write still applies (0-1)')
    .option('--fault-latency <rate>', 'share of requests delayed (0-1)')
    .option('--fault-latency-ms <ms>', 'delay added to delayed requests', '200')
    .option('--fault-endpoint <kind...>', 'limit faults to these endpoint kinds (e.g. objects.search); default all')
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(raw);
      const asOf = flags.asOf ? new Date(flags.asOf) : new Date();
      const generate = flags.data === 'demo' ? loadDemoGenerator() : undefined;
      const rateLimits = flags.hubspotLimits
        ? { tenSecondly: 190, daily: 1_000_000, searchPerSecond: 5 }
        : { tenSecondly: flags.tenSecondlyLimit, daily: flags.dailyLimit, searchPerSecond: flags.searchLimit };
      let sandbox;
      try {
        sandbox = await startSandbox({
          port: flags.port,
          host: flags.host,
          token: flags.token,
          rateLimits: Object.fromEntries(Object.entries(rateLimits).filter(([, value]) => value !== undefined)),
          faults: faultOptions(flags),
          seed: generate ? (sink) => void generate({ companies: flags.companies, seed: flags.seed, asOf }, sink) : undefined,
        });
      } catch (error) {
        if (error instanceof PortInUseError) throw new Error(`sandbox: port ${error.port} is already in use; pick another with --port`);
        throw error;
      }
      const running = sandbox;
      const counts = OBJECT_TYPES.map((type) => `${running.store.table(type).size} ${type}`).join(', ');
      console.log(`HubSpot sandbox portal listening on ${running.url} (${flags.data}: ${counts})`);
      console.log(`Use it with: new Client({ accessToken: '${flags.token ?? 'any'}', basePath: '${running.url}' })`);
      const stop = (signal: string) => {
        console.log(`${signal}: finishing in-flight requests, then stopping`);
        // A client holding a request open must not keep the process alive forever.
        setTimeout(() => process.exit(0), 5_000).unref();
        running.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
