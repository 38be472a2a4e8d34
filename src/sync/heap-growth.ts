import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived the last full collection before it collects
 * again, in percent. A full sync holds little (one assembly of pages, 30-50 MB after a full
 * collection, and the bounded tally) but throws away several times that per assembly; V8's own
 * choice, up to 4x the live heap when allocation is fast, made that garbage most of the sync's
 * peak RSS (320-370 MB where 200 MB does). Measured on the read of 5,000 demo companies: the
 * default peaked at 322-372 MB for 6.8 s of CPU, 100 % at 216 MB for 7.9 s, 30 % at 193 MB for 9 s.
 * With the launcher's settings (runtime-tuning.ts), on a full sync of 50,000 companies into
 * PostgreSQL, side by side: 100 % peaked at 210-212 MB per assembly (median; highest 216-225) for
 * 81 s of CPU, 50 % at 193-195 (highest 200-202) for 91 s. The sync waits on HubSpot's rate limit
 * far longer than it computes (a 1,000,000-company portal is some 240,000 calls, hours at 190 per
 * 10 s, against minutes of CPU), so 12 % more CPU for 10 % less memory is the better trade.
 */
export const SYNC_HEAP_GROWING_PERCENT = 50;

let bounded = false;

/**
 * Bounds the heap's growth for this process (once; V8 reads the flag each time it sets the next
 * collection's limit). A `--heap-growing-percent` given to node itself is left as it is.
 */
export function boundHeapGrowth(percent = SYNC_HEAP_GROWING_PERCENT): void {
  if (bounded) return;
  bounded = true;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => /^--heap[-_]growing[-_]percent/.test(flag));
  if (!given) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
