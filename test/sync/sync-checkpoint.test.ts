import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('drops a last line cut short by a crash mid-write', () => {
    const path = freshPath();
    const first = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    first.recordPage('100', [{ id: '1' }]);
    appendFileSync(path, '{"kind":"page","index":1,"after":"200","records":[{"id"');

    const resumed = SyncCheckpoint.open(path, 'portal-a', asOf, now);
    expect(resumed.pages).toHaveLength(1);
    expect(resumed.nextCursor).toBe('100');
    resumed.recordPage(undefined, [{ id: '2' }]);
    expect(SyncCheckpoint.open(path, 'portal-a', asOf, now).readComplete).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('"id":"2"');
  });
});
