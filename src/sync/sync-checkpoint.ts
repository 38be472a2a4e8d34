import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomic-file';

/**
 * The progress of one full sync, kept on disk so a sync killed at any instant (even `kill -9`)
 * resumes without redoing finished work.
 *
 * Two kinds of files, each only ever replaced whole (temporary file, then rename), so a crash
 * leaves either the old or the new version, never a torn one:
 * - the index at `path`: the run's header (`asOf` is frozen for the whole run, so a resumed run
 *   computes exactly what an uninterrupted one would), the pages read (cursor and count), the
 *   write batches done, and when the run finished;
 * - one file per page read, in `<path>.pages/`, holding that page's results. A page file is
 *   written before the index names it; a page file the index does not name is ignored.
 * Both are validated with zod when read; what is not valid is not resumed.
 *
 * The run key is stored as a SHA-256 digest: it is built from the base URL and the config, and a
 * URL may carry credentials that must not land on disk. A dry run's checkpoint is marked as such
 * and never resumed by a real run (its pages were read for a preview, possibly long before).
 *
 * Opening a checkpoint locks its folder (`sync.lock`, holding the process id): a second sync on
 * the same folder stops with {@link StateFolderLockedError} instead of interleaving its writes.
 * A lock left by a process that no longer runs (`kill -9`) is taken over.
 */
const headerSchema = z.object({
  runKey: z.string().regex(/^[0-9a-f]{64}$/),
  asOf: z.iso.datetime(),
  startedAt: z.iso.datetime(),
  dryRun: z.boolean(),
});

const indexSchema = z.object({
  kind: z.literal('cs-health sync checkpoint'),
  version: z.literal(2),
  header: headerSchema,
  pages: z.array(z.object({ index: z.number().int().nonnegative(), after: z.string().optional(), records: z.number().int().nonnegative() })),
  written: z.array(z.number().int().nonnegative()),
  finishedAt: z.iso.datetime().optional(),
});

const pageSchema = z.object({
  index: z.number().int().nonnegative(),
  /** Cursor of the next page, absent on the last one. */
  after: z.string().optional(),
  records: z.array(z.unknown()),
});

export type CheckpointHeader = z.infer<typeof headerSchema>;
export type CheckpointPage = z.infer<typeof pageSchema>;
type CheckpointIndex = z.infer<typeof indexSchema>;

/** Another sync holds the state folder; the message says which process and how to clear a stale lock. */
export class StateFolderLockedError extends Error {
  readonly code = 'STATE_LOCKED';

  constructor(readonly folder: string, readonly pid?: number) {
    super(
      `another cs-health sync is running on ${folder}${pid ? ` (process ${pid})` : ''}; wait for it to finish, or delete ${join(folder, LOCK_FILE)} if no sync is running`,
    );
    this.name = 'StateFolderLockedError';
  }
}

const LOCK_FILE = 'sync.lock';
const lockSchema = z.object({ pid: z.number().int().positive(), startedAt: z.string() });
const heldLocks = new Set<string>();
let releaseOnExit = false;

const digest = (runKey: string) => createHash('sha256').update(runKey, 'utf8').digest('hex');

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockHolder(path: string): number | undefined {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the state folder's lock for this process (re-entrant within it). The lock file is created
 * exclusively (`wx`), so of two processes starting together exactly one gets it.
 */
export function lockStateFolder(folder: string): void {
  const path = join(folder, LOCK_FILE);
  if (heldLocks.has(path)) return;
  mkdirSync(folder, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), { flag: 'wx' });
      heldLocks.add(path);
      if (!releaseOnExit) {
        releaseOnExit = true;
        process.once('exit', () => {
          for (const held of heldLocks) rmSync(held, { force: true });
        });
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLockHolder(path);
    if (holder === process.pid) {
      heldLocks.add(path);
      return;
    }
    // A holder still running keeps the lock; so does a lock file being written right now (unreadable).
    if (holder === undefined || isRunning(holder)) {
      if (holder !== undefined || attempt === 2) throw new StateFolderLockedError(folder, holder);
      continue;
    }
    rmSync(path, { force: true });
  }
  throw new StateFolderLockedError(folder);
}

/** Gives the folder's lock back (a finished sync; tests). */
export function unlockStateFolder(folder: string): void {
  const path = join(folder, LOCK_FILE);
  if (heldLocks.delete(path)) rmSync(path, { force: true });
}

const pagesFolder = (path: string) => `${path}.pages`;
const pageFile = (path: string, index: number) => join(pagesFolder(path), `${String(index).padStart(6, '0')}.json`);

/** A checkpoint a sync can rebuild: the rename protects it against a killed process, a flush per page would only slow the sync. */
const replace = (path: string, value: unknown) => writeFileAtomically(path, JSON.stringify(value), { durable: false });

function readJson<T>(path: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export class SyncCheckpoint {
  private constructor(
    readonly path: string,
    readonly header: CheckpointHeader,
    readonly pages: CheckpointPage[],
    readonly writtenBatches: Set<number>,
    readonly resumed: boolean,
  ) {}

  /**
   * Locks the checkpoint's folder, then resumes the run recorded at `path` when it belongs to the
   * same `runKey`, was of the same kind (dry or real) and did not finish; otherwise starts a new
   * one there with `asOf`.
   */
  static open(path: string, runKey: string, asOf: Date, now: Date, options: { dryRun?: boolean } = {}): SyncCheckpoint {
    lockStateFolder(dirname(path));
    const key = digest(runKey);
    const dryRun = options.dryRun ?? false;
    const previous = existsSync(path) ? readJson(path, indexSchema) : undefined;
    if (previous && previous.header.runKey === key && previous.header.dryRun === dryRun && previous.finishedAt === undefined) {
      const pages = readPages(path, previous);
      const checkpoint = new SyncCheckpoint(path, previous.header, pages, new Set(previous.written), true);
      // The index is rewritten to name only the pages that were read back whole.
      checkpoint.save();
      return checkpoint;
    }
    rmSync(pagesFolder(path), { recursive: true, force: true });
    const checkpoint = new SyncCheckpoint(path, { runKey: key, asOf: asOf.toISOString(), startedAt: now.toISOString(), dryRun }, [], new Set(), false);
    checkpoint.save();
    return checkpoint;
  }

  get asOf(): Date {
    return new Date(this.header.asOf);
  }

  /** The cursor to continue reading from, or undefined when reading is complete or not started. */
  get nextCursor(): string | undefined {
    return this.pages.at(-1)?.after;
  }

  /** True once the last page (the one without a next cursor) has been recorded. */
  get readComplete(): boolean {
    const last = this.pages.at(-1);
    return last !== undefined && last.after === undefined;
  }

  /** Records a page read: its file first, then the index that names it. */
  recordPage(after: string | undefined, records: unknown[]): void {
    const page: CheckpointPage = { index: this.pages.length, after, records };
    replace(pageFile(this.path, page.index), page);
    this.pages.push(page);
    this.save();
  }

  recordWrittenBatch(batch: number): void {
    this.writtenBatches.add(batch);
    this.save();
  }

  /** Marks the run finished (the next sync starts afresh), drops its page files and gives the folder's lock back. */
  finish(now: Date): void {
    this.save(now.toISOString());
    rmSync(pagesFolder(this.path), { recursive: true, force: true });
    unlockStateFolder(dirname(this.path));
  }

  /** Gives the folder's lock back without finishing (a dry run; the process exiting does it too). */
  release(): void {
    unlockStateFolder(dirname(this.path));
  }

  /** Forgets the run entirely (used by `--restart`); refused while another sync holds the folder. */
  static discard(path: string): void {
    lockStateFolder(dirname(path));
    rmSync(path, { force: true });
    rmSync(pagesFolder(path), { recursive: true, force: true });
  }

  private save(finishedAt?: string): void {
    const index: CheckpointIndex = {
      kind: 'cs-health sync checkpoint',
      version: 2,
      header: this.header,
      pages: this.pages.map((p) => ({ index: p.index, after: p.after, records: p.records.length })),
      written: [...this.writtenBatches],
      finishedAt,
    };
    replace(this.path, index);
  }
}

/**
 * The pages the index names, in order, as long as each file is there, valid and agrees with the
 * index; reading resumes after the last good one.
 */
function readPages(path: string, index: CheckpointIndex): CheckpointPage[] {
  const kept: CheckpointPage[] = [];
  for (const entry of index.pages) {
    if (entry.index !== kept.length) break;
    const page = readJson(pageFile(path, entry.index), pageSchema);
    if (!page || page.index !== entry.index || page.after !== entry.after || page.records.length !== entry.records) break;
    kept.push(page);
  }
  return kept;
}
