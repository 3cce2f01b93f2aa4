import { Logger } from '@aws-lambda-powertools/logger';

/** The one structured logger of a Lambda; log masked values only (see mask.ts). */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'contact-router',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | undefined) ?? 'INFO',
});
