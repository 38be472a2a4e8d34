import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived the last full collection before it collects
 * again, in percent. A full sync holds little (one assembly of pages, 30-50 MB after a full
 * collection, and the bounded tally) but throws away several times that per assembly; V8's own
 * choice, up to 4x the live heap when allocation is fast, made that garbage most of the sync's
 * peak RSS (320-370 MB where 200 MB does). Measured on the read of 5,000 demo companies: the
 * default peaked at 322-372 MB for 6.8 s of CPU, 100 % at 216 MB for 7.9 s, 30 % at 193 MB for 9 s.
 */
export const SYNC_HEAP_GROWING_PERCENT = 100;

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
