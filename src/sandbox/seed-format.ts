/**
 * What a sandbox portal is seeded with: the contract between the demo generator
 * (`src/sandbox/demo/`) and the sandbox store (`src/sandbox/store/`).
 *
 * The generator pushes records into a {@link SeedSink} one at a time rather than building one big
 * object, so a 100,000-company portal never exists twice in memory.
 */

export const OBJECT_TYPES = [
  'companies',
  'contacts',
  'deals',
  'tickets',
  'line_items',
  'feedback_submissions',
  'goal_targets',
  'calls',
  'emails',
  'meetings',
  'tasks',
] as const;

export type ObjectType = (typeof OBJECT_TYPES)[number];

/** HubSpot's owner shape (`/crm/v3/owners`). */
export interface OwnerSeed {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  teams: { id: string; name: string; primary: boolean }[];
  archived?: boolean;
}

/** A pipeline stage; `metadata` is HubSpot's (deals: probability "0.2", isClosed "false"; tickets: ticketState OPEN|CLOSED). */
export interface PipelineStageSeed {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

export interface PipelineSeed {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStageSeed[];
}

/** A custom property the portal defines (the demo's segment field, contract end date, usage score...). */
export interface PropertySeed {
  objectType: ObjectType;
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool';
  fieldType: string;
  groupName: string;
  options?: { label: string; value: string; displayOrder?: number }[];
}

export interface ObjectSeed {
  /** Numeric string, unique within its object type. */
  id: string;
  /** HubSpot property values, always strings as the API carries them. */
  properties: Record<string, string>;
  /** ISO timestamps; default to the seeding time. */
  createdAt?: string;
  updatedAt?: string;
}

export interface SeedSink {
  owner(owner: OwnerSeed): void;
  pipeline(objectType: 'deals' | 'tickets', pipeline: PipelineSeed): void;
  property(property: PropertySeed): void;
  object(objectType: ObjectType, object: ObjectSeed): void;
  /** An association with the default (unlabelled) type between two seeded objects, recorded both ways. */
  associate(from: ObjectType, fromId: string, to: ObjectType, toId: string): void;
  /** A past value of a property (history), e.g. earlier health scores; `timestamp` is ISO. */
  history?(objectType: ObjectType, id: string, property: string, value: string, timestamp: string): void;
}

/** HubSpot property names the demo portal uses beyond HubSpot's defaults. The data layer's default config reads these. */
export const DEMO_PROPERTIES = {
  companySegment: 'cs_segment',
  companyUsageScore: 'cs_usage_score',
  dealContractEnd: 'cs_contract_end_date',
  dealChurnControllable: 'cs_churn_controllable',
} as const;
