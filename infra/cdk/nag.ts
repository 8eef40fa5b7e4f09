import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * Runs cdk-nag's AWS Solutions rules on every synth (`cdk synth`, `cdk deploy` and the infra tests).
 * A finding fails the synth; the few accepted ones are acknowledged on the construct they concern,
 * each with its reason, next to the code that causes them.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
