import { spawnSandbox } from '../../src/bench/sandbox-process';
import { COMPANY_PROPERTIES, DEAL_PROPERTIES } from '../../src/domain/computed-properties';
import { createHubSpotGateway, ensureCsProperties, type HubSpotGateway } from '../../src/hubspot';
import type { Store } from '../../src/store/store';

export const AS_OF = new Date('2026-11-01T00:00:00Z');

export interface SandboxProcess {
  url: string;
  token: string;
  /** Fills the portal again from its seed (the computed properties gone) and sets cs-health's properties up. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const gatewayOn = (sandbox: { url: string; token: string }): HubSpotGateway => createHubSpotGateway({ basePath: sandbox.url, accessToken: sandbox.token, budget: { perTenSeconds: 100_000, searchPerSecond: 1_000 } });

/** `cs-health sandbox` in a process of its own (as `npm run bench` runs it): a demo portal that answers only `token`. */
export async function startSandboxProcess(options: { companies: number; seed: number; token: string; flags?: string[] }): Promise<SandboxProcess> {
  const child = await spawnSandbox(['--data', 'demo', '--companies', String(options.companies), '--seed', String(options.seed), '--as-of', AS_OF.toISOString(), '--token', options.token, ...(options.flags ?? [])]);
  const sandbox = { url: child.url, token: options.token };
  const setUp = async () => {
    const gateway = gatewayOn(sandbox);
    await ensureCsProperties(gateway);
    await gateway.close();
  };
  await setUp();
  return {
    ...sandbox,
    async reset() {
      const response = await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`reset answered ${response.status}`);
      await setUp();
    },
    stop: () => child.stop(),
  };
}

/** Every company's and deal's computed properties as the portal holds them, read through its API. */
export async function portalState(sandbox: { url: string; token: string }): Promise<Record<string, Record<string, string | null>>> {
  const gateway = gatewayOn(sandbox);
  const state: Record<string, Record<string, string | null>> = {};
  for (const [type, names] of [['companies', COMPANY_PROPERTIES.map((p) => p.name)], ['deals', DEAL_PROPERTIES.map((p) => p.name)]] as const) {
    let after: string | undefined;
    do {
      const page = await gateway.call('state', (client) => client.crm.objects.basicApi.getPage(type, 100, after, [...names]));
      for (const record of page.results) state[`${type}/${record.id}`] = Object.fromEntries(names.map((name) => [name, record.properties[name] || null]));
      after = page.paging?.next?.after;
    } while (after);
  }
  await gateway.close();
  return state;
}

/** What a full sync leaves in a portal's store, without the columns that say when it ran. */
export async function storeState(store: Store): Promise<Record<string, unknown[]>> {
  const rows = (sql: string) => store.database.query<{ row: Record<string, unknown> }>(sql).then((result) => result.map((r) => r.row));
  return {
    snapshots: await rows(`SELECT to_jsonb(s) AS row FROM cs_company_snapshots s ORDER BY company_id, day`),
    companies: await rows(`SELECT to_jsonb(c) - 'read_at' AS row FROM cs_company_records c ORDER BY company_id`),
    models: await rows(`SELECT to_jsonb(m) - 'recorded_at' - 'fitted_at' AS row FROM cs_model_versions m ORDER BY version`),
    runs: await rows(`SELECT jsonb_build_object('kind', kind, 'outcome', outcome, 'as_of', extract(epoch FROM as_of)) AS row FROM cs_sync_runs ORDER BY id`),
  };
}
