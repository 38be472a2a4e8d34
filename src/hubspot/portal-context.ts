import type { Client } from '@hubspot/api-client';
import { z } from 'zod';
import type { GoalTarget, Owner } from '../domain/customer';
import type { HubSpotGateway } from './hubspot-gateway';
import { hubspotObjectSchema, PropertyReader } from './property-values';

export interface StageInfo {
  pipelineId: string;
  /** The stage's name as HubSpot shows it ("Contract sent"), for people to read instead of its id. */
  label?: string;
  /** 0-based position of the stage in its pipeline, by displayOrder. */
  order: number;
  probability?: number;
  isClosed: boolean;
  /** Tickets: HubSpot's `ticketState` metadata (OPEN / CLOSED). */
  ticketState?: string;
}

/** What a run reads once: owners, pipelines (to interpret deal and ticket stages), goal targets. */
export interface PortalContext {
  owners: Owner[];
  dealStages: Map<string, StageInfo>;
  ticketStages: Map<string, StageInfo>;
  goalTargets: GoalTarget[];
}

const ownerSchema = z.object({
  id: z.string(),
  userId: z.number().optional().nullable(),
  email: z.string().optional().nullable(),
  firstName: z.string().optional().nullable(),
  lastName: z.string().optional().nullable(),
  teams: z.array(z.object({ id: z.string(), name: z.string().optional().nullable() })).optional().nullable(),
});
const pageSchema = z.object({ results: z.array(z.unknown()), paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional() });
const pipelinesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      stages: z.array(z.object({ id: z.string(), label: z.string().optional(), displayOrder: z.number(), metadata: z.record(z.string(), z.string()).default({}) })),
    }),
  ),
});

/** Measures a goal's name can point at ("NRR Q4 - Ana" -> nrr); others stay unmatched (undefined). */
const GOAL_MEASURES = ['nrr', 'grr', 'csat', 'nps', 'churn', 'retention', 'expansion'] as const;
export function goalMeasure(name: string): string | undefined {
  const words = new Set(name.toLowerCase().split(/[^a-z]+/));
  return GOAL_MEASURES.find((measure) => words.has(measure));
}

export const GOAL_TARGET_PROPERTIES = ['hs_goal_name', 'hs_target_amount', 'hs_start_datetime', 'hs_end_datetime', 'hs_assignee_user_id'];

function stageMap(pipelines: z.infer<typeof pipelinesSchema>): Map<string, StageInfo> {
  const stages = new Map<string, StageInfo>();
  for (const pipeline of pipelines.results) {
    const ordered = [...pipeline.stages].sort((a, b) => a.displayOrder - b.displayOrder);
    ordered.forEach((stage, order) => {
      const probability = stage.metadata.probability === undefined ? undefined : Number(stage.metadata.probability);
      stages.set(stage.id, {
        pipelineId: pipeline.id,
        label: stage.label,
        order,
        probability: probability !== undefined && Number.isFinite(probability) ? probability : undefined,
        isClosed: stage.metadata.isClosed === 'true' || stage.metadata.ticketState === 'CLOSED',
        ticketState: stage.metadata.ticketState,
      });
    });
  }
  return stages;
}

async function readAllPages(gateway: HubSpotGateway, kind: string, page: (client: Client, after?: string) => Promise<unknown>): Promise<unknown[]> {
  const results: unknown[] = [];
  let after: string | undefined;
  do {
    const parsed = pageSchema.parse(await gateway.call(kind, (client) => page(client, after)));
    results.push(...parsed.results);
    after = parsed.paging?.next?.after;
  } while (after);
  return results;
}

/** Owners with their teams and user ids, 100 per page. */
export async function readOwners(gateway: HubSpotGateway): Promise<Owner[]> {
  const owners = await readAllPages(gateway, 'owners', (client, after) => client.crm.owners.ownersApi.getPage(undefined, after, 100));
  return owners.flatMap((raw) => {
    const parsed = ownerSchema.safeParse(raw);
    if (!parsed.success) {
      gateway.warnings.add('owner.invalid');
      return [];
    }
    const owner = parsed.data;
    return [{ id: owner.id, userId: owner.userId ?? undefined, email: owner.email ?? undefined, firstName: owner.firstName ?? undefined, lastName: owner.lastName ?? undefined, teamIds: (owner.teams ?? []).map((team) => team.id), teamNames: (owner.teams ?? []).flatMap((team) => (team.name ? [team.name] : [])) }];
  });
}

/** Every stage of every deal or ticket pipeline, by stage id: one call. */
export async function readStages(gateway: HubSpotGateway, objectType: 'deals' | 'tickets'): Promise<Map<string, StageInfo>> {
  return stageMap(pipelinesSchema.parse(await gateway.call('pipelines', (client) => client.crm.pipelines.pipelinesApi.getAll(objectType))));
}

/** Goal targets with a target, a start and an end (others counted and left out), 100 per page. */
export async function readGoalTargets(gateway: HubSpotGateway): Promise<GoalTarget[]> {
  const goals = await readAllPages(gateway, 'goal_targets.list', (client, after) => client.crm.objects.basicApi.getPage('goal_targets', 100, after, GOAL_TARGET_PROPERTIES));
  return goals.flatMap((raw) => {
    const parsed = hubspotObjectSchema.safeParse(raw);
    if (!parsed.success) {
      gateway.warnings.add('goal_target.invalid');
      return [];
    }
    const values = new PropertyReader('goal_target', parsed.data.properties, gateway.warnings);
    const target = values.number('target', 'hs_target_amount', { required: true });
    const start = values.date('start', 'hs_start_datetime', { required: true });
    const end = values.date('end', 'hs_end_datetime', { required: true });
    if (target === undefined || start === undefined || end === undefined) return [];
    const name = values.text('hs_goal_name') ?? '';
    return [{ id: parsed.data.id, name, measure: goalMeasure(name), ownerUserId: values.number('assignee', 'hs_assignee_user_id'), target, start, end }];
  });
}

/**
 * Reads the portal-wide context once per run: owners (with teams and user ids), deal and ticket
 * pipelines, goal targets. A few calls whatever the portal's size (100 owners / goals per page).
 * Between runs, `PortalContextCache` keeps it and re-reads only the stale parts.
 */
export async function readPortalContext(gateway: HubSpotGateway): Promise<PortalContext> {
  const [owners, dealStages, ticketStages, goalTargets] = await Promise.all([readOwners(gateway), readStages(gateway, 'deals'), readStages(gateway, 'tickets'), readGoalTargets(gateway)]);
  return { owners, dealStages, ticketStages, goalTargets };
}
