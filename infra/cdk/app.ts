import { App } from 'aws-cdk-lib';
import { ConfigError, loadStageConfig } from './config/load-stage-config.ts';
import { addLeadflowStacks } from './leadflow-stacks.ts';
import { addNagChecks } from './nag.ts';

/**
 * The CDK entry point (`cdk synth|deploy`, run directly by Node 24). Choose the stage with
 * `-c stage=prod` (default `dev`); its settings come from `infra/cdk/config/<stage>.json`, or the
 * file given with `-c configFile=`, and `-c mailFrom=` / `-c publicBaseUrl=` override single values.
 */
const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

try {
  const config = loadStageConfig({
    stage: context('stage') ?? 'dev',
    configFile: context('configFile'),
    overrides: { mailFrom: context('mailFrom'), publicBaseUrl: context('publicBaseUrl') },
  });
  addLeadflowStacks(app, { config });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // A configuration mistake is the operator's to fix: say what and where, without a stack trace.
  process.stderr.write(`\n${error.message}\n\n`);
  process.exit(1);
}
addNagChecks(app);
app.synth();
