import type { SqlDatabase } from '../../store/store';

/** The one method pg-boss 10 calls on a database it is given through its `db` option. */
export interface PgBossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** PostgreSQL's "cannot insert multiple commands into a prepared statement". */
const MULTIPLE_COMMANDS = '42601';

/**
 * Lets pg-boss run on the store's engine port, so the queue shares the store's database (PGlite
 * embedded, or the same server). pg-boss sends its migrations as one parameterless string of many
 * statements (`BEGIN; ...; COMMIT;`), which the extended protocol behind `query` refuses: those go
 * through `exec`. When such a block fails half-way, PGlite's single connection would stay inside
 * the aborted transaction and refuse every later statement, so it is rolled back here.
 *
 * Never calls `transaction()`: on PGlite, a statement sent through the shared instance while its
 * own transaction is open waits for that transaction forever.
 */
export function pgBossDbOver(database: Pick<SqlDatabase, 'query' | 'exec'>): PgBossDb {
  const runBlock = async (text: string) => {
    try {
      await database.exec(text);
    } catch (error) {
      await database.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return { rows: [] };
  };
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: await database.query(text, values) };
      try {
        return { rows: await database.query(text) };
      } catch (error) {
        if ((error as { code?: unknown }).code === MULTIPLE_COMMANDS && /multiple commands/i.test(String((error as Error).message))) return runBlock(text);
        throw error;
      }
    },
  };
}
