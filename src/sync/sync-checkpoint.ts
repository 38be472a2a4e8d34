import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

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
 */
const headerSchema = z.object({
  kind: z.literal('header'),
  runKey: z.string(),
  asOf: z.string(),
  startedAt: z.string(),
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

export class SyncCheckpoint {
  private constructor(
    readonly path: string,
    readonly header: CheckpointHeader,
    readonly pages: CheckpointPage[],
    readonly writtenBatches: Set<number>,
    readonly resumed: boolean,
  ) {}

  /**
   * Resumes the run recorded at `path` when it belongs to the same `runKey` and did not finish;
   * otherwise starts a new one there with `asOf`.
   */
  static open(path: string, runKey: string, asOf: Date, now: Date): SyncCheckpoint {
    const previous = existsSync(path) ? readLines(path) : [];
    const header = previous[0]?.kind === 'header' ? previous[0] : undefined;
    const finished = previous.some((line) => line.kind === 'done');
    if (header && header.runKey === runKey && !finished) {
      const pages = previous.filter((l): l is CheckpointPage => l.kind === 'page').sort((a, b) => a.index - b.index);
      const written = new Set(previous.flatMap((l) => (l.kind === 'written' ? [l.batch] : [])));
      const kept = contiguous(pages);
      // Rewrite only the good lines, so what is appended next does not follow a torn line.
      rewrite(path, [header, ...kept, ...[...written].map((batch) => ({ kind: 'written' as const, batch }))]);
      return new SyncCheckpoint(path, header, kept, written, true);
    }
    const fresh: CheckpointHeader = { kind: 'header', runKey, asOf: asOf.toISOString(), startedAt: now.toISOString() };
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(fresh)}\n`);
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

  /** Marks the run finished: the next sync starts afresh. */
  finish(now: Date): void {
    this.append({ kind: 'done', finishedAt: now.toISOString() });
  }

  /** Forgets the run entirely (used by `--restart`). */
  static discard(path: string): void {
    rmSync(path, { force: true });
  }

  private append(line: z.infer<typeof lineSchema>): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
  }
}

function rewrite(path: string, lines: z.infer<typeof lineSchema>[]): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  renameSync(temporary, path);
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
