import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SyncCheckpoint } from '../../src/sync/sync-checkpoint';

const asOf = new Date('2026-11-01T00:00:00Z');
const now = new Date('2026-11-22T10:00:00Z');
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'cs-checkpoint-')), 'sync.jsonl');

describe('SyncCheckpoint', () => {
  it('starts a new run when no file exists', () => {
    const checkpoint = SyncCheckpoint.open(freshPath(), 'portal-a', asOf, now);
    expect(checkpoint.resumed).toBe(false);
    expect(checkpoint.pages).toHaveLength(0);
    expect(checkpoint.asOf).toEqual(asOf);
  });

  it('resumes an unfinished run with the same key, keeping its frozen asOf and pages', () => {
    const path = freshPath();
    const first = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    first.recordPage('100', [{ id: '1' }]);
    first.recordWrittenBatch(0);

    const later = new Date('2026-12-25T00:00:00Z');
    const resumed = SyncCheckpoint.open(path, 'portal-a', later, later);
    expect(resumed.resumed).toBe(true);
    expect(resumed.asOf).toEqual(asOf);
    expect([...resumed.records()]).toEqual([{ id: '1' }]);
    expect(resumed.nextCursor).toBe('100');
    expect(resumed.readComplete).toBe(false);
    expect([...resumed.writtenBatches]).toEqual([0]);
  });

  it('starts afresh after a finished run or for another run key', () => {
    const path = freshPath();
    const first = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    first.recordPage(undefined, []);
    first.finish(now);
    expect(SyncCheckpoint.open(path, 'portal-a', asOf, now).resumed).toBe(false);

    SyncCheckpoint.open(path, 'portal-a', asOf, now).recordPage('5', []);
    expect(SyncCheckpoint.open(path, 'portal-b', asOf, now).resumed).toBe(false);
  });

  it('resumes after the last whole page when the spool was cut short, and drops what a killed run appended past it', () => {
    const path = freshPath();
    const first = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    first.recordPage('100', [{ id: '1' }]);
    first.recordPage('200', [{ id: '2' }, { id: '3' }]);
    first.recordPage('300', [{ id: '4' }]);
    const spool = `${path}.spool`;
    const pages = JSON.parse(readFileSync(path, 'utf8')).pages as { spoolBytes: number }[];
    expect(statSync(spool).size).toBe(pages[2].spoolBytes);
    // Killed mid-way through page 2's lines: the spool ends inside them.
    truncateSync(spool, pages[1].spoolBytes - 3);

    const resumed = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    expect([...resumed.records()]).toEqual([{ id: '1' }]);
    expect(resumed.nextCursor).toBe('100');
    expect(statSync(spool).size).toBe(pages[0].spoolBytes);
    resumed.recordPage(undefined, [{ id: '2b' }]);
    const again = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    expect(again.readComplete).toBe(true);
    expect([...again.records()]).toEqual([{ id: '1' }, { id: '2b' }]);
    expect(again.recordCount).toBe(2);
  });

  it('cuts off lines appended after the last page the index names (killed before the index was replaced)', () => {
    const path = freshPath();
    SyncCheckpoint.open(path, 'portal-a', asOf, now).recordPage('100', [{ id: '1' }]);
    writeFileSync(`${path}.spool`, '{"id":"orphan"}\n', { flag: 'a' });
    const resumed = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    expect([...resumed.records()]).toEqual([{ id: '1' }]);
    expect(readFileSync(`${path}.spool`, 'utf8')).toBe('{"id":"1"}\n');
  });

  it('grows with pages, not companies: the index names each page once whatever its size', () => {
    const path = freshPath();
    const checkpoint = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    checkpoint.recordPage('1000', Array.from({ length: 1_000 }, (_, i) => ({ id: String(i), values: { cs_health_score: '50' } })));
    const small = readFileSync(path, 'utf8').length;
    checkpoint.recordPage(undefined, Array.from({ length: 1_000 }, (_, i) => ({ id: String(1_000 + i), values: { cs_health_score: '50' } })));
    expect(readFileSync(path, 'utf8').length - small).toBeLessThan(100);
    expect(checkpoint.recordCount).toBe(2_000);
    // Write batches are kept as runs: 1,000 of them take one pair, and come back whole.
    for (let batch = 0; batch < 1_000; batch++) checkpoint.recordWrittenBatch(batch);
    checkpoint.recordWrittenBatch(1_000_000);
    expect(JSON.parse(readFileSync(path, 'utf8')).written).toEqual([[0, 999], [1_000_000, 1_000_000]]);
    expect(SyncCheckpoint.open(path, 'portal-a', asOf, now).writtenBatches.size).toBe(1_001);
  });

  it('starts a checkpoint of the older format (results in a pages folder) over, and removes that folder', () => {
    const path = freshPath();
    const key = SyncCheckpoint.open(path, 'portal-a', asOf, now).header.runKey;
    writeFileSync(path, JSON.stringify({ kind: 'cs-health sync checkpoint', version: 2, header: { runKey: key, asOf: asOf.toISOString(), startedAt: now.toISOString(), dryRun: false }, pages: [{ index: 0, after: '100', records: 1 }], written: [0] }));
    mkdirSync(`${path}.pages`);
    writeFileSync(join(`${path}.pages`, '000000.json'), JSON.stringify({ index: 0, after: '100', records: [{ id: '1' }] }));
    const reopened = SyncCheckpoint.open(path, 'portal-a', new Date('2026-12-01T00:00:00Z'), now);
    expect(reopened.resumed).toBe(false);
    expect([...reopened.records()]).toEqual([]);
    expect(existsSync(`${path}.pages`)).toBe(false);
  });

  it('starts afresh when the index itself is not valid', () => {
    const path = freshPath();
    SyncCheckpoint.open(path, 'portal-a', asOf, now).recordPage('100', [{ id: '1' }]);
    writeFileSync(path, '{"kind":"cs-health sync checkpoint","version":2,"header":');
    const reopened = SyncCheckpoint.open(path, 'portal-a', new Date('2026-12-01T00:00:00Z'), now);
    expect(reopened.resumed).toBe(false);
    expect(reopened.pages).toEqual([]);
    expect([...reopened.records()]).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8')).pages).toEqual([]);
  });

  it('only ever replaces its files whole: no temporary file is left behind', () => {
    const path = freshPath();
    const checkpoint = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    checkpoint.recordPage(undefined, [{ id: '1' }]);
    checkpoint.recordWrittenBatch(0);
    expect(readdirSync(dirname(path)).filter((f) => f.includes('.tmp'))).toEqual([]);
    checkpoint.finish(now);
    expect(existsSync(`${path}.spool`)).toBe(false);
  });
});
