import path from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IDestination, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { FUNCTION_DEFAULTS } from '#infra/wiring/types.ts';
import { METRICS, METRICS_ENV } from '#shared/runtime/metric-names.ts';

/** The repository root: declarations name their handlers relative to it. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Lets CommonJS dependencies that call `require` run inside the ESM bundle. The import is aliased
 * so it cannot collide with a name esbuild emits.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __leadflowCreateRequire } from 'node:module'; const require = __leadflowCreateRequire(import.meta.url);";

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
 * Every leadflow Lambda: Node.js 24 on arm64, bundled by esbuild into one minified ESM file with
 * source maps, logging JSON into a log group whose retention we own. The defaults live here so the
 * stacks only say what differs between functions.
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
        NODE_OPTIONS: '--enable-source-maps',
        [METRICS_ENV.namespace]: METRICS.namespace,
        [METRICS_ENV.stage]: props.stageName,
        ...props.environment,
      },
      ...(props.onFailure ? { onFailure: props.onFailure, retryAttempts: 2 } : {}),
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The pinned @aws-sdk/* version is bundled so Lambda runs the SDK the tests ran against,
        // not whichever version the runtime happens to ship.
        externalModules: [],
      },
    });
    this.functionLogGroup = logGroup;
  }
}
