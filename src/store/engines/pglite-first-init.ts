import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates a new PGlite data folder in a short-lived child process. Why: creating one runs
 * PostgreSQL's `initdb` in a second WASM instance that PGlite keeps referenced, so a process that
 * initialises its own folder stays ~700 MB resident for the rest of its life (measured: 790 MB on a
 * fresh folder, 210 MB reopening it); `cs-health sync`'s first run would carry that through a
 * whole full sync. A folder that already holds a database (`PG_VERSION`) is left as it is.
 */
export function initialiseDataDirApart(dataDir: string, pglitePath: string, postgresqlconf: readonly string[]): void {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  // The child prints one line, the cause, and exits 1: never a stack trace.
  const script = `const fail = (error) => { console.error(error && error.message ? error.message.split('\\n')[0] : String(error)); process.exit(1); };
try { require(process.argv[1]).PGlite.create({ dataDir: process.argv[2], postgresqlconf: JSON.parse(process.argv[3]) }).then((db) => db.close()).catch(fail); } catch (error) { fail(error); }`;
  const child = spawnSync(process.execPath, ['-e', script, pglitePath, dataDir, JSON.stringify(postgresqlconf)], { encoding: 'utf8', timeout: 120_000 });
  if (child.status !== 0) throw new Error(`creating the embedded database in ${dataDir} failed: ${(child.stderr || child.error?.message || `exit ${child.status}`).trim().split('\n')[0]}`);
}
