import { SingleBar, Presets } from 'cli-progress';
import type { SyncProgress } from '../sync/full-sync';

/**
 * Progress of a sync: a bar on a terminal, a plain line per phase and every 1,000 companies otherwise
 * (CI logs, pipes), and nothing with --json so stdout stays machine-readable.
 */
export function createSyncProgress(mode: 'bar' | 'lines' | 'silent'): { update(p: SyncProgress): void; stop(): void } {
  if (mode === 'silent') return { update: () => undefined, stop: () => undefined };
  if (mode === 'lines') {
    let lastPhase = '';
    let lastCount = 0;
    return {
      update(p) {
        if (p.phase !== lastPhase) console.error(`${p.phase}: ${p.companiesRead} companies read${p.phase === 'writing' ? `, ${p.toWrite} to update` : ''}`);
        else if (p.phase === 'reading' && p.companiesRead - lastCount >= 1000) console.error(`reading: ${p.companiesRead} companies read`);
        else return;
        lastPhase = p.phase;
        lastCount = p.companiesRead;
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({ format: ' {phase} |{bar}| {value} companies {extra}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
  let started = false;
  return {
    update(p) {
      const total = p.phase === 'writing' || p.phase === 'done' ? Math.max(p.toWrite, 1) : Math.max(p.companiesRead, 1);
      const value = p.phase === 'writing' || p.phase === 'done' ? p.written : p.companiesRead;
      if (!started) {
        bar.start(total, value, { phase: p.phase, extra: '' });
        started = true;
      }
      bar.setTotal(total);
      bar.update(value, { phase: p.phase.padEnd(7), extra: p.phase === 'writing' ? `of ${p.toWrite} to update` : '' });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
