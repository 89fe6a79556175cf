/** A bounded, expiring set of recently seen ids (for dropping redelivered activities). */
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the id was seen within the time to live; records it otherwise. */
  seenBefore(id: string): boolean {
    const time = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && time - at < this.ttlMs) return true;
    this.seen.delete(id);
    this.seen.set(id, time);
    // Maps keep insertion order, so the first key is the oldest.
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return false;
  }
}
