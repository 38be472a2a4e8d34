import { Option, type Command } from 'commander';
import { runCommand } from '../command-runner';
import { DEFAULTS, JSON_FLAG_HELP } from '../defaults';
import { describeTiers, TIER_NAMES } from '../hubspot-tiers';

/** `cs-health sandbox`: serves a local HubSpot portal until SIGINT/SIGTERM. */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('serve a local HubSpot portal the @hubspot/api-client can use (basePath = the printed URL)')
    .option('--port <port>', 'port to listen on (0 = any free port)', DEFAULTS.sandboxPort)
    .option('--host <host>', 'interface to listen on', DEFAULTS.host)
    .addOption(new Option('--data <data>', 'portal contents').choices(['demo', 'empty']).default('demo'))
    .option('--companies <n>', 'companies in the demo portal', DEFAULTS.companies)
    .option('--seed <s>', 'seed of the demo data (and of faults unless --fault-seed)', DEFAULTS.seed)
    .option('--as-of <date>', 'the demo portal\'s "today" as an ISO date (default: now)')
    .option('--token <token>', 'require Authorization: Bearer <token> (401 otherwise)')
    .addOption(new Option('--hubspot-limits [tier]', `enforce a HubSpot tier's limits (${describeTiers()}; search 5 / s)`).choices(TIER_NAMES).preset(DEFAULTS.tier))
    .option('--ten-secondly-limit <n>', "requests per rolling 10 s per token, instead of the tier's")
    .option('--daily-limit <n>', "requests per day per token, instead of the tier's")
    .option('--search-limit <n>', 'search requests per second per token')
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
    .option('--fault-endpoint <kind...>', 'limit faults to these endpoint kinds, e.g. objects.search (default: all)')
    .option('--json', JSON_FLAG_HELP)
    .action((raw: Record<string, unknown>) =>
      runCommand('sandbox', raw.json === true, async () => {
        // Flags are validated, and the work loaded, on use, so `--help` does not pay for the sandbox's server.
        const { runSandbox } = require('./sandbox-action') as typeof import('./sandbox-action');
        return runSandbox(raw);
      }),
    );
}
