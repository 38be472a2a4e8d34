import type { ObjectSeed, ObjectType, OwnerSeed, PipelineSeed, PropertySeed, SeedSink } from '../seed-format';
import { OBJECT_TYPES } from '../seed-format';
import { AssociationGraph, type AssociationType } from './association-graph';
import { defaultAssociationTypeId } from './association-types';
import { DEFAULT_DEAL_PIPELINE, DEFAULT_TICKET_PIPELINE } from './default-pipelines';
import { ObjectTable, type HistoryEntry, type StoredObject } from './object-table';
import { PropertyRegistry } from './property-registry';
import { normaliseWrite, parseDateTime } from './property-values';
import { RequestStats } from './request-stats';
import { SandboxError, type SandboxErrorDetail } from './sandbox-error';

export interface StoredOwner extends OwnerSeed {
  createdAt: number;
  updatedAt: number;
}

export interface StoredPipeline extends PipelineSeed {
  createdAt: number;
  updatedAt: number;
}

export interface SandboxStoreOptions {
  /** Re-run by {@link SandboxStore.reset}, so a reset returns to the seeded portal. */
  seed?: (sink: SeedSink) => void;
}

/**
 * The sandbox portal's state and rules: objects, associations, properties with history, owners,
 * pipelines, the clock writes are stamped with, and the request counters. It knows nothing of HTTP.
 */
export class SandboxStore implements SeedSink {
  readonly stats = new RequestStats();
  private tables = new Map<ObjectType, ObjectTable>();
  private graph = new AssociationGraph();
  private registry: PropertyRegistry;
  private owners = new Map<string, StoredOwner>();
  private pipelines = new Map<'deals' | 'tickets', Map<string, StoredPipeline>>();
  private frozenNow: number | undefined;
  private readonly resetListeners: (() => void)[] = [];

  constructor(private readonly options: SandboxStoreOptions = {}) {
    this.registry = new PropertyRegistry(this.now());
    this.clear();
    options.seed?.(this);
  }

  /** "Now" for writes: the wall clock unless a test or demo set it (`/_sandbox/clock`). */
  now(): number {
    return this.frozenNow ?? Date.now();
  }

  setClock(now: number | undefined): void {
    this.frozenNow = now;
  }

  /** Back to the seeded portal; counters restart too. */
  reset(): void {
    this.clear();
    this.stats.reset();
    this.options.seed?.(this);
    for (const listener of this.resetListeners) listener();
  }

  /** Called after every reset (the HTTP layer restarts its rate-limit counters). */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  // ---- SeedSink --------------------------------------------------------------------------------

  owner(owner: OwnerSeed): void {
    const now = this.now();
    this.owners.set(owner.id, { ...owner, createdAt: now, updatedAt: now });
  }

  pipeline(objectType: 'deals' | 'tickets', pipeline: PipelineSeed): void {
    const now = this.now();
    this.pipelinesOf(objectType).set(pipeline.id, { ...pipeline, createdAt: now, updatedAt: now });
  }

  property(property: PropertySeed): void {
    this.registry.define(property, this.now(), true);
  }

  object(objectType: ObjectType, seed: ObjectSeed): void {
    const createdAt = parseDateTime(seed.createdAt ?? seed.properties.createdate ?? '') ?? this.now();
    const updatedAt = seed.updatedAt ? (parseDateTime(seed.updatedAt) ?? createdAt) : createdAt;
    // The generator hands the properties over: keep them as they are rather than copying 100,000s of objects.
    this.table(objectType).insert({ id: seed.id, properties: withoutMaintained(seed.properties), createdAt, updatedAt });
  }

  associate(from: ObjectType, fromId: string, to: ObjectType, toId: string): void {
    this.graph.add(from, fromId, to, toId);
  }

  history(objectType: ObjectType, id: string, property: string, value: string, timestamp: string): void {
    const object = this.table(objectType).get(id);
    if (!object) return;
    const entries = this.historyOf(objectType, object, property);
    entries.push({ value, timestamp: parseDateTime(timestamp) ?? object.createdAt, sourceType: 'IMPORT' });
    entries.sort((a, b) => a.timestamp - b.timestamp);
  }

  // ---- objects ---------------------------------------------------------------------------------

  table(objectType: ObjectType): ObjectTable {
    return this.tables.get(objectType) as ObjectTable;
  }

  getObject(objectType: ObjectType, id: string): StoredObject {
    const object = this.table(objectType).get(id);
    if (!object) throw new SandboxError('OBJECT_NOT_FOUND', `Object not found.  objectId are usually numeric.`);
    return object;
  }

  /** Checks a whole set of writes first, so a rejected batch changes nothing (as in HubSpot). */
  validateWrites(objectType: ObjectType, writes: Record<string, string>[], field = 'inputs'): Record<string, string>[] {
    const errors = [];
    const normalised = [];
    for (const [index, values] of writes.entries()) {
      const result = normaliseWrite(objectType, values, (name) => this.registry.get(objectType, name));
      normalised.push(result.values);
      const prefix = writes.length > 1 || field === 'inputs' ? `${field}[${index}].` : '';
      errors.push(...[...result.errors, ...this.pipelineErrors(objectType, result.values)].map((error) => ({ ...error, in: `${prefix}${error.in ?? ''}` })));
    }
    if (errors.length > 0) {
      throw new SandboxError(
        'VALIDATION_ERROR',
        `Property values were not valid: ${errors.map((error) => `${error.in}: ${error.message}`).join('; ')}`,
        errors,
      );
    }
    return normalised;
  }

  /** Deal and ticket pipelines and stages must exist, as in HubSpot (a stage is checked against every pipeline of the type). */
  private pipelineErrors(objectType: ObjectType, values: Record<string, string>): SandboxErrorDetail[] {
    if (objectType !== 'deals' && objectType !== 'tickets') return [];
    const [pipelineProperty, stageProperty] = objectType === 'deals' ? ['pipeline', 'dealstage'] : ['hs_pipeline', 'hs_pipeline_stage'];
    const pipelines = this.listPipelines(objectType);
    const errors: SandboxErrorDetail[] = [];
    const pipeline = values[pipelineProperty];
    if (pipeline && !pipelines.some((candidate) => candidate.id === pipeline)) {
      errors.push({ message: `${pipeline} is not a valid pipeline`, code: 'INVALID_OPTION', in: `properties.${pipelineProperty}` });
    }
    const stage = values[stageProperty];
    if (stage && !pipelines.some((candidate) => candidate.stages.some((candidateStage) => candidateStage.id === stage))) {
      errors.push({ message: `${stage} is not a valid pipeline stage`, code: 'INVALID_OPTION', in: `properties.${stageProperty}` });
    }
    return errors;
  }

  /** Creates an object from already-validated values. */
  createObject(objectType: ObjectType, values: Record<string, string>): StoredObject {
    const table = this.table(objectType);
    const id = table.allocateId();
    const now = this.now();
    const createdAt = values.createdate ? (parseDateTime(values.createdate) ?? now) : now;
    const properties = withoutMaintained({ ...values });
    for (const [name, value] of Object.entries(properties)) if (value === '') delete properties[name];
    const object: StoredObject = { id, properties, createdAt, updatedAt: now };
    table.insert(object);
    return object;
  }

  /**
   * A property's current value. `hs_object_id`, `createdate` and the last-modified dates are
   * derived from the object rather than stored, which keeps a large portal's memory down.
   */
  value(objectType: ObjectType, object: StoredObject, name: string): string | undefined {
    switch (name) {
      case 'hs_object_id':
        return object.id;
      case 'createdate':
        return new Date(object.createdAt).toISOString();
      case 'hs_lastmodifieddate':
        return new Date(object.updatedAt).toISOString();
      case 'lastmodifieddate':
        return objectType === 'contacts' ? new Date(object.updatedAt).toISOString() : object.properties[name];
      default:
        // Own properties only: a requested name such as "constructor" must not reach Object.prototype.
        return Object.hasOwn(object.properties, name) ? object.properties[name] : undefined;
    }
  }

  /** Applies already-validated values; every changed value is appended to that property's history. */
  updateObject(objectType: ObjectType, id: string, values: Record<string, string>, sourceType = 'API'): StoredObject {
    const object = this.getObject(objectType, id);
    const now = this.now();
    let changed = false;
    for (const [name, value] of Object.entries(values)) {
      if ((this.value(objectType, object, name) ?? '') === value) continue;
      const entries = this.historyOf(objectType, object, name);
      entries.push({ value, timestamp: now, sourceType });
      if (name === 'createdate') object.createdAt = parseDateTime(value) ?? object.createdAt;
      else if (value === '') delete object.properties[name];
      else object.properties[name] = value;
      changed = true;
    }
    if (changed) object.updatedAt = now;
    return object;
  }

  /** A property's values, newest first, as `propertiesWithHistory` reports them. */
  propertyHistory(objectType: ObjectType, object: StoredObject, property: string): HistoryEntry[] {
    const recorded = object.history?.[property];
    if (recorded) return [...recorded].reverse();
    const value = this.value(objectType, object, property);
    if (value === undefined) return [];
    const timestamp = property === 'hs_lastmodifieddate' || property === 'lastmodifieddate' ? object.updatedAt : object.createdAt;
    return [{ value, timestamp, sourceType: 'API' }];
  }

  // ---- associations ----------------------------------------------------------------------------

  associations(from: ObjectType, fromId: string, to: ObjectType): readonly string[] {
    return this.graph.targets(from, fromId, to);
  }

  associationTypes(from: ObjectType, fromId: string, to: ObjectType, toId: string): AssociationType[] {
    return [
      { category: 'HUBSPOT_DEFINED', typeId: defaultAssociationTypeId(from, to), label: null },
      ...this.graph.extraTypesOf(from, fromId, to, toId),
    ];
  }

  /** Associates two existing objects (404 naming the missing side otherwise). */
  associateExisting(from: ObjectType, fromId: string, to: ObjectType, toId: string, type?: AssociationType): void {
    this.getObjectOr404(from, fromId, 'from');
    this.getObjectOr404(to, toId, 'to');
    if (type && type.typeId !== defaultAssociationTypeId(from, to)) this.graph.addType(from, fromId, to, toId, type);
    else this.graph.add(from, fromId, to, toId);
  }

  get associationCount(): number {
    return this.graph.size;
  }

  // ---- properties, owners, pipelines -----------------------------------------------------------

  get properties(): PropertyRegistry {
    return this.registry;
  }

  listOwners(): StoredOwner[] {
    return [...this.owners.values()];
  }

  getOwner(id: string): StoredOwner | undefined {
    return this.owners.get(id);
  }

  listPipelines(objectType: 'deals' | 'tickets'): StoredPipeline[] {
    return [...this.pipelinesOf(objectType).values()];
  }

  private getObjectOr404(objectType: ObjectType, id: string, side: string): StoredObject {
    const object = this.table(objectType).get(id);
    if (!object) {
      throw new SandboxError('OBJECT_NOT_FOUND', `No ${objectType} with id ${id}.`, [
        { message: `${objectType} ${id} does not exist`, in: side },
      ]);
    }
    return object;
  }

  private historyOf(objectType: ObjectType, object: StoredObject, property: string): HistoryEntry[] {
    object.history ??= {};
    let entries = object.history[property];
    if (!entries) {
      const current = this.value(objectType, object, property);
      entries = current === undefined ? [] : [{ value: current, timestamp: object.createdAt, sourceType: 'API' }];
      object.history[property] = entries;
    }
    return entries;
  }

  private pipelinesOf(objectType: 'deals' | 'tickets'): Map<string, StoredPipeline> {
    return this.pipelines.get(objectType) as Map<string, StoredPipeline>;
  }

  private clear(): void {
    this.tables = new Map(OBJECT_TYPES.map((type) => [type, new ObjectTable()]));
    this.graph = new AssociationGraph();
    this.registry = new PropertyRegistry(this.now());
    this.owners = new Map();
    this.pipelines = new Map([
      ['deals', new Map()],
      ['tickets', new Map()],
    ]);
    this.pipeline('deals', DEFAULT_DEAL_PIPELINE);
    this.pipeline('tickets', DEFAULT_TICKET_PIPELINE);
  }
}

const DERIVED = ['hs_object_id', 'createdate', 'hs_lastmodifieddate', 'lastmodifieddate'];

/** Drops the properties the store derives (see {@link SandboxStore.value}); only copies when one is present. */
function withoutMaintained(properties: Record<string, string>): Record<string, string> {
  if (!DERIVED.some((name) => name in properties)) return properties;
  const copy = { ...properties };
  for (const name of DERIVED) delete copy[name];
  return copy;
}
