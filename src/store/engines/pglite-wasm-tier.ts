import { setFlagsFromString } from 'node:v8';

/**
 * Keeps PostgreSQL's WASM on V8's baseline compiler (Liftoff). Why: by default V8 re-compiles a
 * WASM module's hot functions with its optimising compiler (TurboFan) in background threads, and
 * that code and the compiler's memory stayed resident: the 10,000-company sync into PGlite peaked
 * at 418-429 MB with tier-up and 350-366 MB without, in no more time (the sync waits on HubSpot's
 * reads, not on the database). The flag applies to modules compiled after it is set, so it is set
 * before each `PGlite.create`; it is process-wide, and this CLI's only WASM is PGlite.
 */
export function keepWasmOnBaselineTier(): void {
  setFlagsFromString('--liftoff-only');
}
