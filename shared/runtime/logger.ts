import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs for every function. Log ids (contact, activity, event), outcomes and error
 * names only: never an email address, a name, a phone number or a request body.
 */
export const logger = new Logger({ serviceName: 'leadflow' });
