import { z } from 'zod';
import type { PropertyValues } from '../domain/computed-properties';
import { batchReadObjects, chunk, OBJECT_BATCH_SIZE } from './batch-reads';
import { HubSpotError, HubSpotErrorCode } from './hubspot-error';
import type { HubSpotGateway } from './hubspot-gateway';

export interface PropertyUpdate {
  id: string;
  properties: PropertyValues;
  /** The object's current values when the caller read them already (saves the writer's read). */
  current?: PropertyValues;
}

export interface WriteResult {
  /** Objects whose changed values HubSpot accepted. */
  written: number;
  /** Objects skipped because nothing changed. */
  unchanged: number;
  /** Exactly the objects HubSpot rejected, with its reason. */
  failed: { id: string; message: string }[];
}

/** Current values per object id, e.g. `Customer.currentProperties`; read from HubSpot when not given. */
export type CurrentValues = Map<string, PropertyValues>;

const batchUpdateSchema = z.object({
  results: z.array(z.object({ id: z.string() })).default([]),
  errors: z.array(z.object({ message: z.string().optional(), context: z.record(z.string(), z.array(z.string())).optional() })).optional(),
});

const normalise = (value: string | null | undefined) => (value === null || value === undefined ? '' : value);

/** Only the values that differ from the current ones; an absent value clears with '' (HubSpot's way). */
export function changedValues(next: PropertyValues, current: PropertyValues | undefined): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const [name, value] of Object.entries(next)) {
    if (normalise(value) !== normalise(current?.[name])) changed[name] = normalise(value);
  }
  return changed;
}

type Input = { id: string; properties: Record<string, string> };

/**
 * Sends one batch; on a 400 that rejects the whole batch, halves it until the rejected inputs are
 * isolated, so one bad value never blocks the other 99 nor is blamed on them.
 */
async function sendBatch(gateway: HubSpotGateway, objectType: string, inputs: Input[]): Promise<{ written: string[]; failed: WriteResult['failed'] }> {
  try {
    const response = batchUpdateSchema.parse(
      await gateway.call(`${objectType}.batchUpdate`, (client) => client.crm.objects.batchApi.update(objectType, { inputs })),
    );
    const failed: WriteResult['failed'] = [];
    const failedIds = new Set<string>();
    for (const error of response.errors ?? []) {
      for (const id of error.context?.ids ?? []) {
        failedIds.add(id);
        failed.push({ id, message: error.message ?? 'rejected by HubSpot' });
      }
    }
    const accepted = new Set(response.results.map((result) => result.id));
    // An input neither accepted nor named in an error is still a failure: never dropped silently.
    for (const input of inputs) {
      if (!accepted.has(input.id) && !failedIds.has(input.id)) failed.push({ id: input.id, message: 'not confirmed by HubSpot' });
    }
    return { written: inputs.filter((input) => accepted.has(input.id) && !failedIds.has(input.id)).map((input) => input.id), failed };
  } catch (error) {
    if (!(error instanceof HubSpotError)) throw error;
    if (error.code === HubSpotErrorCode.BadRequest && inputs.length > 1) {
      const middle = Math.ceil(inputs.length / 2);
      const halves = await Promise.all([sendBatch(gateway, objectType, inputs.slice(0, middle)), sendBatch(gateway, objectType, inputs.slice(middle))]);
      return { written: halves.flatMap((half) => half.written), failed: halves.flatMap((half) => half.failed) };
    }
    // The daily limit and a refused token stop the run: the caller must not go on writing.
    if (error.code === HubSpotErrorCode.DailyLimit || error.code === HubSpotErrorCode.Unauthorized) throw error;
    return { written: [], failed: inputs.map((input) => ({ id: input.id, message: error.message })) };
  }
}

/**
 * Writes properties in batches of 100, sending only values that changed. The current values come
 * from `current` when given, else from each update's own `current`; those of the updates without
 * them are batch-read first (100 per call).
 */
export async function writeObjectProperties(gateway: HubSpotGateway, objectType: 'companies' | 'deals', updates: PropertyUpdate[], current?: CurrentValues): Promise<WriteResult> {
  const known: CurrentValues = current ?? new Map(updates.flatMap((update) => (update.current ? [[update.id, update.current] as const] : [])));
  const unknown = current ? [] : updates.filter((update) => !known.has(update.id));
  if (unknown.length > 0) {
    const names = [...new Set(unknown.flatMap((update) => Object.keys(update.properties)))];
    const objects = await batchReadObjects(gateway, objectType, unknown.map((update) => update.id), names);
    for (const [id, object] of objects) known.set(id, object.properties as PropertyValues);
  }
  const inputs: Input[] = [];
  let unchanged = 0;
  for (const update of updates) {
    const changed = changedValues(update.properties, known.get(update.id));
    if (Object.keys(changed).length === 0) unchanged += 1;
    else inputs.push({ id: update.id, properties: changed });
  }
  const results = await Promise.all(chunk(inputs, OBJECT_BATCH_SIZE).map((batch) => sendBatch(gateway, objectType, batch)));
  return {
    written: results.reduce((sum, result) => sum + result.written.length, 0),
    unchanged,
    failed: results.flatMap((result) => result.failed),
  };
}

export const writeCompanyProperties = (gateway: HubSpotGateway, updates: PropertyUpdate[], current?: CurrentValues) =>
  writeObjectProperties(gateway, 'companies', updates, current);

export const writeDealProperties = (gateway: HubSpotGateway, updates: PropertyUpdate[], current?: CurrentValues) =>
  writeObjectProperties(gateway, 'deals', updates, current);
