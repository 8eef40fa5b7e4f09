import { RemovalPolicy } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { StageConfig } from './config/stage-config.ts';

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
  /** The whole validated configuration, for the settings only one construct cares about. */
  readonly config: StageConfig;
}

/** The settings of a validated stage configuration. */
export function stageSettings(config: StageConfig): StageSettings {
  return {
    name: config.name,
    production: config.production,
    removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: config.logs.retentionDays as RetentionDays,
    config,
  };
}
