import type { Command } from 'commander';
import { DEFAULTS } from '../defaults';

/** `cs-health worker`: runs the queued jobs (recomputes after webhooks and the workflow action, the scheduled full sync) until SIGTERM. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run queued jobs (recomputes, the scheduled full sync) until SIGTERM, then finish the running ones')
    .option('--json', 'print the start and stop as JSON lines (logs go to stderr)')
    .option('--concurrency <n>', 'batches of each queue run at once', '1')
    .option('--database-url <url>', 'PostgreSQL holding the queue; DATABASE_URL when not given, else embedded PGlite in --data-dir')
    .option('--data-dir <dir>', 'the embedded database directory (one process at a time); db inside --state-dir when not given')
    .option('--full-sync-cron <cron>', 'when the full sync runs, UTC cron ("off" leaves the schedule as it is)', '0 3 * * *')
    .option('--base-url <url>', 'HubSpot API base URL', DEFAULTS.baseUrl)
    .option('--config <file>', 'engine configuration (JSON)')
    .option('--state-dir <dir>', 'where the full sync keeps its checkpoint and fitted churn model', DEFAULTS.stateDir)
    .option('--dead-letters', 'list the jobs that failed every retry, then exit')
    .option('--replay <id>', 'send a dead-lettered job again and take it off the list, then exit')
    .option('--portals <file>', 'serve every portal this JSON file lists, each with its own token, budget, store and queues')
    .option('--max-full-syncs <n>', 'with --portals: full syncs running at once across portals (default: one per portal)')
    .addHelpText(
      'after',
      '\nThe token comes from HUBSPOT_ACCESS_TOKEN. Several workers share the jobs on PostgreSQL; on PGlite, one process owns the database.\n' +
        'With --portals, each portal\'s token comes from the variable or file its entry names: {"portals": [{"id": "acme", "token": {"env": "ACME_TOKEN"}, "tier": "professional"}]};\n' +
        'its store and queues are a schema each on PostgreSQL (cs_portal_<id>, cs_jobs_<id>), a folder each under --data-dir/portals on PGlite.',
    )
    .action(async (raw: Record<string, unknown>) => {
      // The work (pg-boss, the HubSpot client, the engine) loads on use, so `--help` stays fast.
      const { runWorker } = require('./worker-action') as typeof import('./worker-action');
      await runWorker(raw);
    });
}
