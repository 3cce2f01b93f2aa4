// One item per case, keyed by the case number: a case cannot have two entries, whatever the races.

/** The waiting entry of a case. */
export const waitingEntryKey = (caseNumber: string) => ({ pk: `WAITING#${caseNumber}`, sk: 'WAITING' });

/** Prefix of every waiting entry's partition key (Scan filter of the lists). */
export const WAITING_PREFIX = 'WAITING#';
