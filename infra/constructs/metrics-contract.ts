/**
 * The custom metrics the dashboard and alarms read, for handler authors: emit them as CloudWatch
 * embedded metric format (EMF) records in the namespace the Lambda gets as POWERTOOLS_METRICS_NAMESPACE
 * (`ContactRouter/<environment>`). Documented with examples in docs/deploy.md ("Metrics").
 */
export const METRICS = {
  /**
   * Count, one per new contact (not per redelivery, nor a message carrying a survey answer). Dimension
   * sets: [], [Channel], [Queue], [Language].
   */
  contacts: 'Contacts',
  /** Count, one per new contact routed to the fallback queue. Dimension sets: [], [Channel]. */
  fallbacks: 'Fallbacks',
  /** Minutes, the first response promised to the customer (the decision's target). Dimension sets: [], [Queue]. */
  expectedFirstResponse: 'ExpectedFirstResponseMinutes',
  /** Count, one per hand-off to Connect that failed and was left pending. Dimension sets: []. */
  handOffFailures: 'HandOffFailures',
  // Case metrics (functions/shared/case-metrics.ts), dimension sets [], [Queue], [Language]:
  /** Minutes from opening to the first agent answer, one per case when it is answered. */
  firstResponseMinutes: 'FirstResponseMinutes',
  /** Minutes from opening to resolution, one per resolution. */
  resolutionMinutes: 'ResolutionMinutes',
  /** Count, one per resolution. */
  resolvedCases: 'ResolvedCases',
  /** Count (0 or 1) per resolution: the first-response target was missed. */
  firstResponseBreaches: 'FirstResponseBreaches',
  /** Count (0 or 1) per resolution: the resolution target was missed. */
  resolutionBreaches: 'ResolutionBreaches',
  /** Count (0 or 1) per resolution: the case had been reopened. */
  reopenedResolutions: 'ReopenedResolutions',
  /** Score 1–5, one per satisfaction survey answer (its mean is the average score). */
  satisfactionScore: 'SatisfactionScore',
  /** Count (0 or 1) per survey answer: the guest scored 4 or 5 (CSAT = sum / SampleCount). */
  satisfiedAnswers: 'SatisfiedAnswers',
} as const;

/** Dimension names of the custom metrics. */
export const DIMENSIONS = { channel: 'Channel', queue: 'Queue', language: 'Language' } as const;

/** The namespace of an environment's custom metrics. */
export function metricsNamespace(environmentName: string): string {
  return `ContactRouter/${environmentName}`;
}
