import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomic-file';

/**
 * The progress of one full sync, kept in an append-only JSON-lines file so a sync killed at any
 * instant (even `kill -9`) can resume without redoing finished work.
 *
 * Why append-only lines: a line is either fully written or, when the process died mid-write, a
 * truncated last line that {@link SyncCheckpoint.open} drops. Nothing already recorded can be
 * corrupted by a later crash, and no rename dance is needed.
 *
 * Line 1 is the header: the run's identity (`asOf` is frozen for the whole run, so a resumed run
 * computes exactly what an uninterrupted one would). Then one line per finished unit of work.
 * Every line is validated with zod when read; the first line that is not valid ends what is kept.
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
  kind: z.literal('header'),
  runKey: z.string(),
  asOf: z.iso.datetime(),
  startedAt: z.iso.datetime(),
  dryRun: z.boolean().default(false),
});

const pageSchema = z.object({
  kind: z.literal('page'),
  index: z.number().int().nonnegative(),
  /** Cursor of the next page, absent on the last one. */
  after: z.string().optional(),
  records: z.array(z.unknown()),
});

const writtenSchema = z.object({
  kind: z.literal('written'),
  batch: z.number().int().nonnegative(),
});

const doneSchema = z.object({ kind: z.literal('done'), finishedAt: z.string() });

const lineSchema = z.discriminatedUnion('kind', [headerSchema, pageSchema, writtenSchema, doneSchema]);

export type CheckpointHeader = z.infer<typeof headerSchema>;
export type CheckpointPage = z.infer<typeof pageSchema>;

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
    // A holder still running keeps the lock; a lock being written right now (unreadable) too.
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
    const previous = existsSync(path) ? readLines(path) : [];
    const header = previous[0]?.kind === 'header' ? previous[0] : undefined;
    const finished = previous.some((line) => line.kind === 'done');
    if (header && header.runKey === key && header.dryRun === dryRun && !finished) {
      const pages = previous.filter((l): l is CheckpointPage => l.kind === 'page').sort((a, b) => a.index - b.index);
      const written = new Set(previous.flatMap((l) => (l.kind === 'written' ? [l.batch] : [])));
      const kept = contiguous(pages);
      // Rewrite only the good lines, so what is appended next does not follow a torn line.
      rewrite(path, [header, ...kept, ...[...written].map((batch) => ({ kind: 'written' as const, batch }))]);
      return new SyncCheckpoint(path, header, kept, written, true);
    }
    const fresh: CheckpointHeader = { kind: 'header', runKey: key, asOf: asOf.toISOString(), startedAt: now.toISOString(), dryRun };
    writeFileAtomically(path, `${JSON.stringify(fresh)}\n`);
    return new SyncCheckpoint(path, fresh, [], new Set(), false);
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

  recordPage(after: string | undefined, records: unknown[]): void {
    const page: CheckpointPage = { kind: 'page', index: this.pages.length, after, records };
    this.append(page);
    this.pages.push(page);
  }

  recordWrittenBatch(batch: number): void {
    this.append({ kind: 'written', batch });
    this.writtenBatches.add(batch);
  }

  /** Marks the run finished (the next sync starts afresh) and gives the folder's lock back. */
  finish(now: Date): void {
    this.append({ kind: 'done', finishedAt: now.toISOString() });
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
  }

  /**
   * Appends one line. Appending rather than rewriting keeps a page's cost constant whatever the
   * portal's size; a line torn by a crash is the last one and is dropped on open, and the file is
   * then rewritten atomically from the good lines.
   */
  private append(line: z.infer<typeof lineSchema>): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
  }
}

function rewrite(path: string, lines: z.infer<typeof lineSchema>[]): void {
  writeFileAtomically(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

function readLines(path: string): z.infer<typeof lineSchema>[] {
  const lines: z.infer<typeof lineSchema>[] = [];
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // A line cut short by a crash mid-write: everything after it is unusable.
      break;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) break;
    lines.push(parsed.data);
  }
  return lines;
}

/** Keeps pages 0..k without gaps; a gap can only follow a crash, and reading resumes after the last good page. */
function contiguous(pages: CheckpointPage[]): CheckpointPage[] {
  const kept: CheckpointPage[] = [];
  for (const page of pages) {
    if (page.index !== kept.length) break;
    kept.push(page);
  }
  return kept;
}
