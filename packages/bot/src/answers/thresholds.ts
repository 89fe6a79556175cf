// Decision thresholds of the answering engine, set from the dev set (npm run eval:qa).
export const THRESHOLDS = {
  /** Least share of the question's meaningful words the best entry must cover. */
  minCoverage: 0.4,
  /** A runner-up scoring at least this share of the best makes the bot ask which was meant. */
  clarifyRatio: 0.95,
};
