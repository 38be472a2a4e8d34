import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomic-file';
import { appendRecords, lineEndsAt, readRecords, truncateSpool } from './result-spool';

/**
 * The progress of one full sync, kept on disk so a sync killed at any instant (even `kill -9`)
 * resumes without redoing finished work.
 *
 * Two files, so the checkpoint grows with pages, not companies:
 * - the index at `path`, only ever replaced whole (temporary file, then rename), so a crash leaves
 *   either the old or the new version, never a torn one: the run's header (`asOf` is frozen for
 *   the whole run, so a resumed run computes exactly what an uninterrupted one would), the pages
 *   read (cursor, count and the spool's length after each), the write batches done, and when the
 *   run finished. It is validated with zod when read; what is not valid is not resumed, and an
 *   index of an older version (which kept results in `<path>.pages/`) is started over;
 * - the spool at `<path>.spool` ({@link appendRecords}): every page's results, one JSON line each,
 *   appended before the index names the page. A resumed run cuts the spool back to the length the
 *   last page it trusts recorded, so lines a killed run appended past it are dropped.
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

const pageSchema = z.object({
  index: z.number().int().nonnegative(),
  /** Cursor of the next page, absent on the last one. */
  after: z.string().optional(),
  /** Results the page added to the spool. */
  records: z.number().int().nonnegative(),
  /** The spool's length once the page's results were appended. */
  spoolBytes: z.number().int().nonnegative(),
});

const indexSchema = z.object({
  kind: z.literal('cs-health sync checkpoint'),
  version: z.literal(3),
  header: headerSchema,
  pages: z.array(pageSchema),
  /** Write batches done, as [first, last] runs: batches complete in order, so a run is one pair whatever the portal's size. */
  written: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).refine(([first, last]) => last >= first && last - first < 10_000_000)),
  finishedAt: z.iso.datetime().optional(),
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

/** Where checkpoints of version 2 kept one file per page; removed when such a run is started over. */
const legacyPagesFolder = (path: string) => `${path}.pages`;
const spoolPath = (path: string) => `${path}.spool`;

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
      const pages = trustedPages(spoolPath(path), previous.pages);
      truncateSpool(spoolPath(path), pages.at(-1)?.spoolBytes ?? 0);
      const checkpoint = new SyncCheckpoint(path, previous.header, pages, new Set(previous.written.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i))), true);
      // The index is rewritten to name only the pages whose results the spool holds whole.
      checkpoint.save();
      return checkpoint;
    }
    rmSync(legacyPagesFolder(path), { recursive: true, force: true });
    rmSync(spoolPath(path), { force: true });
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

  /** Records a page read: its results appended to the spool first, then the index that names it. */
  recordPage(after: string | undefined, records: readonly unknown[]): void {
    const spoolBytes = (this.pages.at(-1)?.spoolBytes ?? 0) + appendRecords(spoolPath(this.path), records);
    this.pages.push({ index: this.pages.length, after, records: records.length, spoolBytes });
    this.save();
  }

  /** Results recorded so far. */
  get recordCount(): number {
    return this.pages.reduce((sum, page) => sum + page.records, 0);
  }

  /** The results of every recorded page, in reading order, streamed from the spool. */
  records(): Generator<unknown> {
    return readRecords(spoolPath(this.path), this.pages.at(-1)?.spoolBytes ?? 0);
  }

  recordWrittenBatch(batch: number): void {
    this.writtenBatches.add(batch);
    this.save();
  }

  /** Marks the run finished (the next sync starts afresh), drops its spool and gives the folder's lock back. */
  finish(now: Date): void {
    this.save(now.toISOString());
    rmSync(spoolPath(this.path), { force: true });
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
    rmSync(spoolPath(path), { force: true });
    rmSync(legacyPagesFolder(path), { recursive: true, force: true });
  }

  private save(finishedAt?: string): void {
    const index: CheckpointIndex = {
      kind: 'cs-health sync checkpoint',
      version: 3,
      header: this.header,
      pages: this.pages,
      written: runsOf(this.writtenBatches),
      finishedAt,
    };
    replace(this.path, index);
  }
}

/**
 * The pages the index names, in order, as long as each follows the previous one and the spool
 * holds its results whole (a line ends where the page recorded the spool's end); reading resumes
 * after the last good one.
 */
function trustedPages(spool: string, pages: readonly CheckpointPage[]): CheckpointPage[] {
  const kept: CheckpointPage[] = [];
  for (const page of pages) {
    const previousEnd = kept.at(-1)?.spoolBytes ?? 0;
    if (page.index !== kept.length || page.spoolBytes < previousEnd || (page.records > 0) !== (page.spoolBytes > previousEnd) || !lineEndsAt(spool, page.spoolBytes)) break;
    kept.push(page);
  }
  return kept;
}

/** Batch numbers as [first, last] runs of consecutive numbers. */
function runsOf(batches: ReadonlySet<number>): [number, number][] {
  const runs: [number, number][] = [];
  for (const batch of [...batches].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && batch === last[1] + 1) last[1] = batch;
    else runs.push([batch, batch]);
  }
  return runs;
}
