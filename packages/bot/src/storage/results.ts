import type { AssessmentResult } from '@resonet/core';

/**
 * Where submitted results are kept. Results are immutable evidence: saving one twice under
 * the same id keeps the first.
 */
export interface ResultStore {
  save(result: AssessmentResult): Promise<void>;
  byRespondent(respondentId: string): Promise<AssessmentResult[]>;
  all(): Promise<AssessmentResult[]>;
  close(): Promise<void>;
}

/** Results in memory: for tests and local use; gone when the process stops. */
export class MemoryResultStore implements ResultStore {
  private readonly results = new Map<string, AssessmentResult>();

  async save(result: AssessmentResult): Promise<void> {
    if (!this.results.has(result.id)) this.results.set(result.id, structuredClone(result));
  }
  async byRespondent(respondentId: string): Promise<AssessmentResult[]> {
    return [...this.results.values()]
      .filter((r) => r.respondentId === respondentId)
      .map((r) => structuredClone(r));
  }
  async all(): Promise<AssessmentResult[]> {
    return [...this.results.values()].map((r) => structuredClone(r));
  }
  async close(): Promise<void> {}
}
