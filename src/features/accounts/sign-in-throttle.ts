/**
 * Slows password guessing: after MAX_FAILURES wrong passwords for one e-mail address within
 * WINDOW_MS, that address is refused until the window has passed. Kept in memory, so per
 * process: it bounds an online guesser to a few tries a minute per node, which with Argon2id
 * hashes and 12+ character passwords is enough; a site behind many nodes can add a limit at
 * the proxy.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

interface Entry {
  failures: number;
  since: number;
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = Date.now) {}

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.clock() - entry.since > WINDOW_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  isBlocked(key: string): boolean {
    return (this.current(key)?.failures ?? 0) >= MAX_FAILURES;
  }

  recordFailure(key: string): void {
    const entry = this.current(key);
    if (entry) {
      entry.failures++;
      return;
    }
    // Bounded memory under a flood of made-up addresses: forget the oldest.
    if (this.entries.size >= MAX_TRACKED) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { failures: 1, since: this.clock() });
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}
