/**
 * For the commands that keep running (sandbox, serve, start): on SIGINT or SIGTERM, say so, let
 * `stop` finish in-flight work, then exit 0. With `--json` the line goes to stderr so stdout stays
 * the one envelope. A client holding a request open must not keep the process alive forever.
 */
export function stopOnSignals(stop: () => Promise<void>, json: boolean, graceMs = 5_000): void {
  const handle = (signal: NodeJS.Signals) => {
    (json ? process.stderr : process.stdout).write(`${signal}: finishing in-flight requests, then stopping\n`);
    setTimeout(() => process.exit(0), graceMs).unref();
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', handle);
  process.once('SIGTERM', handle);
}
