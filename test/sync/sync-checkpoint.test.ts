import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(resumed.pages.map((p) => p.records)).toEqual([[{ id: '1' }]]);
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

  it('resumes after the last whole page when a page file is torn or missing, and rewrites it', () => {
    const path = freshPath();
    const first = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    first.recordPage('100', [{ id: '1' }]);
    first.recordPage('200', [{ id: '2' }]);
    first.recordPage('300', [{ id: '3' }]);
    const files = readdirSync(`${path}.pages`).sort();
    expect(files).toHaveLength(3);
    writeFileSync(join(`${path}.pages`, files[1]), '{"index":1,"after":"200","records":[{"id"');

    const resumed = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    expect(resumed.pages.map((p) => p.records)).toEqual([[{ id: '1' }]]);
    expect(resumed.nextCursor).toBe('100');
    resumed.recordPage(undefined, [{ id: '2b' }]);
    const again = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    expect(again.readComplete).toBe(true);
    expect(again.pages.map((p) => p.records)).toEqual([[{ id: '1' }], [{ id: '2b' }]]);
  });

  it('starts afresh when the index itself is not valid', () => {
    const path = freshPath();
    SyncCheckpoint.open(path, 'portal-a', asOf, now).recordPage('100', [{ id: '1' }]);
    writeFileSync(path, '{"kind":"cs-health sync checkpoint","version":2,"header":');
    const reopened = SyncCheckpoint.open(path, 'portal-a', new Date('2026-12-01T00:00:00Z'), now);
    expect(reopened.resumed).toBe(false);
    expect(reopened.pages).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8')).pages).toEqual([]);
  });

  it('only ever replaces its files whole: no temporary file is left behind', () => {
    const path = freshPath();
    const checkpoint = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    checkpoint.recordPage(undefined, [{ id: '1' }]);
    checkpoint.recordWrittenBatch(0);
    expect(readdirSync(dirname(path)).filter((f) => f.includes('.tmp'))).toEqual([]);
    checkpoint.finish(now);
    expect(existsSync(`${path}.pages`)).toBe(false);
  });
});
