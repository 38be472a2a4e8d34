import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims an embedded database folder for this process: PGlite is single-user, and two processes
 * writing one folder (say `npm start` running and `cs-health settings import` in another terminal)
 * would corrupt it. A lock left by a process that died is taken over. Returns the release function.
 */
export function claimDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new Error(`in use by process ${holder}${holder === process.pid ? ' (this one)' : ''}; stop it first, or run every process on a PostgreSQL server (DATABASE_URL)`);
      }
      rmSync(path, { force: true }); // the holder died without releasing it
    }
  }
  throw new Error(`cannot claim ${path}`);
}
