import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * What differs between a developer's stage and production, decided in one place so the stacks
 * never compare stage names themselves.
 */
export interface StageSettings {
  /** Lower-case stage name; it prefixes stack names and the physical names that must be readable. */
  readonly name: string;
  readonly production: boolean;
  /** Data and logs survive a stack deletion in production; dev stages clean up after themselves. */
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
}

const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** The settings for a stage name (`dev`, `prod`, `alice`…); only `prod` is production. */
export function stageSettings(name: string): StageSettings {
  if (!STAGE_NAME.test(name)) {
    throw new Error(
      `Stage "${name}" is not valid: use 1-20 lower-case letters, digits or hyphens, starting with a letter.`,
    );
  }
  const production = name === 'prod';
  return {
    name,
    production,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: production ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_WEEK,
  };
}
