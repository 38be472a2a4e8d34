import { inspect } from 'node:util';

const HIDDEN = '[redacted]';

/**
 * A value that must never reach a log line, an error or a `--json` answer: printing, inspecting or
 * serialising it gives `[redacted]`; only `reveal()` hands out the value, at the one place that
 * sends it (the HubSpot client's Authorization header).
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return HIDDEN;
  }
}
