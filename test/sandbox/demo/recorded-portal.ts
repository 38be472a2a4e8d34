import type { ObjectSeed, ObjectType, OwnerSeed, PipelineSeed, PropertySeed, SeedSink } from '../../../src/sandbox/seed-format';
import { generateDemoPortal, type DemoSummary } from '../../../src/sandbox/demo/generate-demo-portal';

/** Everything a demo portal pushed into its sink, indexed for the tests to query like a small CRM. */
export interface RecordedPortal {
  summary: DemoSummary;
  owners: OwnerSeed[];
  pipelines: { objectType: 'deals' | 'tickets'; pipeline: PipelineSeed }[];
  properties: PropertySeed[];
  objects: Record<ObjectType, Map<string, ObjectSeed>>;
  /** Every association as the generator sent it. */
  associations: [ObjectType, string, ObjectType, string][];
  /** `associated('companies', '1001', 'deals')`: ids linked either way. */
  associated(from: ObjectType, id: string, to: ObjectType): string[];
}

export const AS_OF = new Date('2026-11-01T00:00:00Z');
export const DAY = 86_400_000;

/** Generates a portal into a sink that keeps everything (fine at a few thousand companies). */
export function recordPortal(options: { companies: number; seed: number; asOf?: Date }): RecordedPortal {
  const objects = {} as Record<ObjectType, Map<string, ObjectSeed>>;
  const owners: OwnerSeed[] = [];
  const pipelines: RecordedPortal['pipelines'] = [];
  const properties: PropertySeed[] = [];
  const associations: RecordedPortal['associations'] = [];
  const links = new Map<string, string[]>();
  const addLink = (a: string, b: string) => {
    const list = links.get(a);
    if (list) list.push(b);
    else links.set(a, [b]);
  };
  const sink: SeedSink = {
    owner: (owner) => void owners.push(owner),
    pipeline: (objectType, pipeline) => void pipelines.push({ objectType, pipeline }),
    property: (property) => void properties.push(property),
    object: (type, object) => {
      objects[type] ??= new Map();
      objects[type].set(object.id, object);
    },
    associate: (from, fromId, to, toId) => {
      associations.push([from, fromId, to, toId]);
      addLink(`${from}:${fromId}`, `${to}:${toId}`);
      addLink(`${to}:${toId}`, `${from}:${fromId}`);
    },
  };
  const summary = generateDemoPortal({ companies: options.companies, seed: options.seed, asOf: options.asOf ?? AS_OF }, sink);
  const associated = (from: ObjectType, id: string, to: ObjectType) =>
    (links.get(`${from}:${id}`) ?? []).filter((key) => key.startsWith(`${to}:`)).map((key) => key.slice(to.length + 1));
  return { summary, owners, pipelines, properties, objects, associations, associated };
}

/** The objects of a type linked to a company, as seeds. */
export function linkedTo(portal: RecordedPortal, companyId: string, type: ObjectType): ObjectSeed[] {
  return portal.associated('companies', companyId, type).map((id) => portal.objects[type].get(id) as ObjectSeed);
}

/** MRR a customer pays at `t` from its won deals (hs_mrr over [closedate, cs_contract_end_date)). */
export function mrrAt(portal: RecordedPortal, companyId: string, t: number): number {
  return linkedTo(portal, companyId, 'deals')
    .filter((d) => ['closedwon', 'renewalwon'].includes(d.properties.dealstage))
    .filter((d) => Date.parse(d.properties.closedate) <= t && t < Date.parse(`${d.properties.cs_contract_end_date}T00:00:00Z`))
    .reduce((sum, d) => sum + Number(d.properties.hs_mrr), 0);
}

export const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
