import { appendFileSync, closeSync, existsSync, openSync, readSync, rmSync, statSync, truncateSync } from 'node:fs';

/**
 * The results of a full sync on disk, one JSON line per company, appended page by page: the sync
 * keeps a page in memory, never the portal. The checkpoint records the spool's length after each
 * page, so a killed run cuts off whatever it appended past the last recorded page.
 */

/** Appends one line per record and returns the bytes appended. */
export function appendRecords(path: string, records: readonly unknown[]): number {
  if (records.length === 0) return 0;
  const text = `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
  appendFileSync(path, text);
  return Buffer.byteLength(text);
}

export const spoolSize = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

/** True when the spool holds at least `length` bytes and a line ends right there (a recorded page's end). */
export function lineEndsAt(path: string, length: number): boolean {
  if (length === 0) return true;
  if (spoolSize(path) < length) return false;
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    return readSync(fd, last, 0, 1, length - 1) === 1 && last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** Cuts the spool back to `length` bytes (creating it empty when absent). */
export function truncateSpool(path: string, length: number): void {
  if (length === 0) rmSync(path, { force: true });
  else truncateSync(path, length);
}

const CHUNK = 1 << 20;

/**
 * The records in the spool's first `length` bytes, in order, read 1 MB at a time. A line that is
 * not JSON throws, naming the spool and the byte it starts at.
 */
export function* readRecords(path: string, length: number): Generator<unknown> {
  if (length === 0) return;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(CHUNK);
    let carry = Buffer.alloc(0);
    let position = 0;
    while (position < length) {
      const read = readSync(fd, chunk, 0, Math.min(CHUNK, length - position), position);
      if (read === 0) throw new Error(`sync spool ${path}: ends at byte ${position}, the checkpoint recorded ${length}; run the sync with --restart`);
      const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      const dataStart = position - carry.length;
      position += read;
      let start = 0;
      for (let end = data.indexOf(0x0a, start); end !== -1; end = data.indexOf(0x0a, start)) {
        yield parseLine(path, data.toString('utf8', start, end), dataStart + start);
        start = end + 1;
      }
      // Copied: `chunk` is overwritten by the next read.
      carry = Buffer.from(data.subarray(start));
    }
  } finally {
    closeSync(fd);
  }
}

function parseLine(path: string, line: string, offset: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`sync spool ${path}: the line at byte ${offset} is not JSON; run the sync with --restart`);
  }
}
