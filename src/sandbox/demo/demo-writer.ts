import { OBJECT_TYPES, type ObjectType, type SeedSink } from '../seed-format';
import { isoDateTime } from './demo-time';

/** First id of every object type: ids are numeric strings counted from here, per type, in generation order. */
export const FIRST_OBJECT_ID = 1001;

/**
 * The generator's one door to the sink: hands out ids, stamps `createdAt`, counts what went
 * through (the summary's figures are what the sink received, not what was planned).
 */
export class DemoWriter {
  readonly counts = Object.fromEntries(OBJECT_TYPES.map((type) => [type, 0])) as Record<ObjectType, number>;
  associations = 0;
  owners = 0;
  private readonly nextIds = Object.fromEntries(OBJECT_TYPES.map((type) => [type, FIRST_OBJECT_ID])) as Record<ObjectType, number>;

  constructor(readonly sink: SeedSink) {}

  /** Reserves the next id of a type, for an object emitted later (its associations may come first). */
  reserve(type: ObjectType): string {
    return String(this.nextIds[type]++);
  }

  /** Emits an object under a reserved id; `createdAt` is epoch ms. */
  emit(type: ObjectType, id: string, properties: Record<string, string>, createdAt: number): void {
    this.sink.object(type, { id, properties, createdAt: isoDateTime(createdAt) });
    this.counts[type] += 1;
  }

  /** Reserves an id and emits the object at once. */
  create(type: ObjectType, properties: Record<string, string>, createdAt: number): string {
    const id = this.reserve(type);
    this.emit(type, id, properties, createdAt);
    return id;
  }

  link(from: ObjectType, fromId: string, to: ObjectType, toId: string): void {
    this.sink.associate(from, fromId, to, toId);
    this.associations += 1;
  }
}
