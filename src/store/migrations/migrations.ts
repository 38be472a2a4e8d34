import { initialSchema } from './0001-initial-schema';
import { companyRecords } from './0002-company-records';
import { syncRanges } from './0003-sync-ranges';
import { syncRangeCalls } from './0004-sync-range-calls';

/** One schema step: numbered from 1 with no gaps; a step once released never changes (its checksum is recorded). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration the code knows, in order. Add new steps at the end with the next number. */

/** Every migration the code knows, in order. Add new steps at the end with the next number. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, companyRecords, syncRanges, syncRangeCalls];
