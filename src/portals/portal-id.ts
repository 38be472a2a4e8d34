import { z } from 'zod';

/**
 * A portal's name in this deployment: it names the portal's PostgreSQL schemas, data folder and
 * state folder, so it is kept to what every one of those accepts.
 */
export const portalIdSchema = z.string({ error: 'must be a portal id' }).regex(/^[a-z][a-z0-9_]{0,29}$/, 'must be 1 to 30 lowercase letters, digits or underscores, starting with a letter');

export type PortalId = z.infer<typeof portalIdSchema>;

/** The PostgreSQL schema holding a portal's store (its own tables, reached through `search_path`). */
export const storeSchemaOf = (portalId: PortalId) => `cs_portal_${portalId}`;

/** The PostgreSQL schema holding a portal's job queue (pg-boss's tables). Another prefix than the store's, so no id's schema can be another's. */
export const queueSchemaOf = (portalId: PortalId) => `cs_jobs_${portalId}`;
