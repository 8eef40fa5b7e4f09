import path from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IDestination, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { FUNCTION_DEFAULTS } from '#infra/wiring/types.ts';
import { DOMAIN_LIST_FILES } from '#shared/contact/domain-list-files.ts';
import { METRICS, METRICS_ENV } from '#shared/runtime/metric-names.ts';
import { BUNDLE_SETTINGS } from './bundle-settings.ts';

/** The repository root: declarations name their handlers relative to it. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Files read at run time beside the code (see shared/contact/domain-list-files.ts), copied into every package. */
const DATA_FILES = Object.values(DOMAIN_LIST_FILES).map((file) =>
  path.join(REPO_ROOT, 'shared', 'contact', file),
);

export const DEFAULT_TIMEOUT = Duration.seconds(FUNCTION_DEFAULTS.timeoutSeconds);
export const DEFAULT_MEMORY_MB = FUNCTION_DEFAULTS.memoryMb;

export interface LeadflowFunctionProps {
  /** The stage the function belongs to; it labels the function's metrics. */
  readonly stageName: string;
  /** Handler module relative to the repository root, exactly as the wiring declares it; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly environment?: Readonly<Record<string, string>>;
  /** @default {@link DEFAULT_TIMEOUT} */
  readonly timeout?: Duration;
  /** @default {@link DEFAULT_MEMORY_MB} */
  readonly memorySize?: number;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
  /**
   * Where an asynchronous invocation goes after Lambda's own two retries failed (event and
   * schedule triggers). Without one, a failing handler's events would be dropped silently.
   */
  readonly onFailure?: IDestination;
}

/**
 * Every leadflow Lambda: Node.js 24 on arm64, bundled by esbuild into one minified CommonJS file (see
 * bundle-settings.ts) with the data files it reads beside it, logging JSON into a log group whose
 * retention we own. The defaults live here so the stacks only say what differs between functions.
 */
export class LeadflowFunction extends NodejsFunction {
  /** The log group the function writes to; created by us so retention and removal are explicit. */
  readonly functionLogGroup: LogGroup;

  constructor(scope: Construct, id: string, props: LeadflowFunctionProps) {
    // Created beside the function (not inside it) because `this` does not exist before super().
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole, whose log actions apply to every log
    // group of the account: this one may only write streams of the function's own group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${id}: its own log group, plus exactly what its declaration grants.`,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    super(scope, id, {
      entry: path.resolve(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? DEFAULT_TIMEOUT,
      memorySize: props.memorySize ?? DEFAULT_MEMORY_MB,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        [METRICS_ENV.namespace]: METRICS.namespace,
        [METRICS_ENV.stage]: props.stageName,
        ...props.environment,
      },
      ...(props.onFailure ? { onFailure: props.onFailure, retryAttempts: 2 } : {}),
      bundling: {
        format: OutputFormat.CJS,
        target: BUNDLE_SETTINGS.target,
        mainFields: [...BUNDLE_SETTINGS.mainFields],
        banner: BUNDLE_SETTINGS.banner,
        define: BUNDLE_SETTINGS.define,
        minify: BUNDLE_SETTINGS.minify,
        keepNames: BUNDLE_SETTINGS.keepNames,
        sourceMap: BUNDLE_SETTINGS.sourcemap,
        sourcesContent: BUNDLE_SETTINGS.sourcesContent,
        // The pinned @aws-sdk/* version is bundled so Lambda runs the SDK the tests ran against,
        // not whichever version the runtime happens to ship.
        externalModules: [],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) =>
            DATA_FILES.map((file) => `cp "${file}" "${outputDir}"`),
        },
      },
    });
    this.functionLogGroup = logGroup;
  }
}
