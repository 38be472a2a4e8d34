/**
 * The exit codes of every `cs-health` command, stated once (the README's Commands section copies
 * this table). A daily-limit stop has its own code so a scheduler can tell "try again after
 * midnight" from a failure; 75 is EX_TEMPFAIL in sysexits.h, the usual "temporary, retry later".
 */
export const EXIT_CODES = {
  ok: 0,
  /** The command ran and failed: HubSpot refused it, a file could not be read, a write was rejected. */
  failure: 1,
  /** The command line is wrong: an unknown command or flag, a bad flag value, a missing variable. */
  usage: 2,
  /** HubSpot's daily API limit stopped the run; progress is kept, run the same command after midnight. */
  dailyLimit: 75,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
