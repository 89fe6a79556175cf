/**
 * Wrong invite codes, counted, so that codes cannot be guessed by trying: a person gets a
 * few wrong tries in a while, and everyone together a bounded number a minute (a guesser
 * changing user ids between tries still meets that one). Counts are per process and kept
 * in memory, bounded in size: they only need to slow guessing, not to survive a restart.
 */
export class JoinAttempts {
  private readonly byUser = new Map<string, number[]>();
  private recent: number[] = [];

  constructor(
    private readonly limits = {
      perUser: 5,
      perUserWindowMs: 15 * 60_000,
      overall: 60,
      overallWindowMs: 60_000,
      users: 10_000,
    },
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this person may try a code now. */
  allowed(userId: string): boolean {
    const time = this.now();
    this.recent = this.recent.filter((t) => time - t < this.limits.overallWindowMs);
    if (this.recent.length >= this.limits.overall) return false;
    const mine = (this.byUser.get(userId) ?? []).filter(
      (t) => time - t < this.limits.perUserWindowMs,
    );
    return mine.length < this.limits.perUser;
  }

  /** Counts one wrong code (unknown, expired, used or malformed). */
  failed(userId: string): void {
    const time = this.now();
    this.recent.push(time);
    const mine = (this.byUser.get(userId) ?? []).filter(
      (t) => time - t < this.limits.perUserWindowMs,
    );
    this.byUser.delete(userId);
    this.byUser.set(userId, [...mine, time]);
    // Maps keep insertion order: the first key is the one that failed longest ago.
    while (this.byUser.size > this.limits.users) {
      const oldest = this.byUser.keys().next().value;
      if (oldest === undefined) break;
      this.byUser.delete(oldest);
    }
  }
}
