import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file so that a reader sees either the old content or the new, never half of it: the
 * text goes to a temporary file beside it, is flushed to disk, then renamed over the target (a
 * rename within one folder is atomic on POSIX file systems). A crash leaves at most a stray
 * `*.tmp-<pid>` file, never a torn target.
 */
export function writeFileAtomically(path: string, text: string, options: { durable?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    // durable: false skips the flush; the rename still protects against a killed process, only
    // not against a power cut (fine for a checkpoint a sync can rebuild, not for the model).
    if (options.durable !== false) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
