import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { functions as declaredFunctions } from '#infra/wiring/functions.ts';
import { resourceEnvironment } from '#infra/wiring/resource-environment.ts';
import type { FunctionDeclaration, HttpTrigger } from '#infra/wiring/types.ts';
import { grantDeclaredAccess } from './access-grants.ts';
import { LeadflowFunction } from './leadflow-function.ts';
import type { SharedResources } from './shared-resources.ts';
import type { StageSettings } from './stage.ts';
import { addEventRule, addScheduleRule } from './trigger-rules.ts';

export type FunctionDeclarations = Readonly<Record<string, FunctionDeclaration>>;

export interface StatelessStackProps extends StackProps {
  readonly stage: StageSettings;
  /** The table, bus and mail settings owned by the stateful stack. */
  readonly resources: SharedResources;
  /** The functions to build; defaults to the app's wiring declaration. Tests pass their own. */
  readonly functions?: FunctionDeclarations;
  /** Base URL for links the functions build (a custom domain); defaults to the HTTP API endpoint. */
  readonly publicBaseUrl?: string;
}

/** The webhook path form tools post to; the `generic` source is the signed-JSON one. */
const WEBHOOK_ROUTE = '/forms/{source}';

/**
 * Everything that can be rebuilt from code: the functions and their triggers, all derived from the
 * wiring declaration. Nothing here is written by hand per function, so AWS and the local runtime
 * cannot disagree about a route, a rule or a grant.
 */
export class StatelessStack extends Stack {
  /** The built functions, keyed like the declaration. */
  readonly functions: Readonly<Record<string, LeadflowFunction>>;
  /** The HTTP API, when any function declares an `http` trigger. */
  readonly httpApi: HttpApi | undefined;
  /** One secret per declared secret name, shared by every function that names it. */
  readonly secrets: ReadonlyMap<string, Secret>;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const declarations: FunctionDeclarations = props.functions ?? declaredFunctions;
    const { stage, resources } = props;

    const hasHttpTrigger = Object.values(declarations).some((d) => d.triggers.some((t) => t.kind === 'http'));
    this.httpApi = hasHttpTrigger
      ? new HttpApi(this, 'HttpApi', { description: `leadflow ${stage.name}: form webhooks and API.` })
      : undefined;

    const secrets = new Map<string, Secret>();
    const built: Record<string, LeadflowFunction> = {};
    for (const [name, declaration] of Object.entries(declarations)) {
      const secretEnvironment: Record<string, string> = {};
      for (const secretName of declaration.secrets ?? []) {
        const secret = secrets.get(secretName) ?? this.createSecret(secretName, stage);
        secrets.set(secretName, secret);
        secretEnvironment[`${secretName}_SECRET_ARN`] = secret.secretArn;
      }

      const fn = new LeadflowFunction(this, name, {
        entry: declaration.entry,
        description: declaration.description,
        environment: {
          ...resourceEnvironment(declaration.access, {
            tableName: resources.table.tableName,
            eventBusName: resources.eventBus.eventBusName,
            mailFrom: resources.mailFrom,
            mailConfigurationSet: resources.mailConfigurationSet.configurationSetName,
            publicBaseUrl: props.publicBaseUrl ?? this.httpApi?.apiEndpoint,
          }),
          ...secretEnvironment,
          ...declaration.environment,
        },
        ...(declaration.timeoutSeconds ? { timeout: Duration.seconds(declaration.timeoutSeconds) } : {}),
        ...(declaration.memoryMb ? { memorySize: declaration.memoryMb } : {}),
        logRetention: stage.logRetention,
        logRemovalPolicy: stage.removalPolicy,
        ...(isInvokedAsynchronously(declaration)
          ? { onFailure: new SqsDestination(this.createFailureQueue(name)) }
          : {}),
      });
      for (const secretName of declaration.secrets ?? []) secrets.get(secretName)?.grantRead(fn);
      grantDeclaredAccess(fn, declaration.access, resources);
      this.addTriggers(name, declaration, fn, resources);
      built[name] = fn;
    }
    this.functions = built;
    this.secrets = secrets;

    if (this.httpApi) {
      new CfnOutput(this, 'HttpApiUrl', { value: this.httpApi.apiEndpoint });
      if (declaresRoute(declarations, 'POST', WEBHOOK_ROUTE)) {
        new CfnOutput(this, 'GenericWebhookUrl', {
          description: 'Where a signed-JSON form posts its submissions.',
          value: `${this.httpApi.apiEndpoint}${WEBHOOK_ROUTE.replace('{source}', 'generic')}`,
        });
      }
    }
    for (const [secretName, secret] of secrets) {
      new CfnOutput(this, `${secretName}SecretArn`, {
        description: `Set the value with: aws secretsmanager put-secret-value --secret-id <this ARN>.`,
        value: secret.secretArn,
      });
    }
  }

  private addTriggers(
    name: string,
    declaration: FunctionDeclaration,
    fn: LeadflowFunction,
    resources: SharedResources,
  ) {
    let integration: HttpLambdaIntegration | undefined;
    for (const trigger of declaration.triggers) {
      if (trigger.kind === 'http') {
        const api = this.httpApi;
        if (!api) throw new Error('Unreachable: an http trigger exists, so the HTTP API was created.');
        integration ??= new HttpLambdaIntegration(`${name}Integration`, fn, {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        });
        api.addRoutes({ path: trigger.path, methods: [HttpMethod[trigger.method]], integration });
      } else if (trigger.kind === 'event') {
        addEventRule(this, trigger, resources.eventBus, fn);
      } else {
        addScheduleRule(this, trigger, fn);
      }
    }
  }

  /**
   * A generated value (48 letters and digits, which is also valid base64, so it works as a
   * Standard Webhooks secret as is) that an operator can replace; the template never holds it.
   */
  private createSecret(secretName: string, stage: StageSettings): Secret {
    return new Secret(this, `${secretName}Secret`, {
      description: `leadflow ${stage.name}: ${secretName}`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: stage.removalPolicy,
    });
  }

  /** Where Lambda parks an event or schedule invocation whose handler failed after its retries. */
  private createFailureQueue(name: string): Queue {
    return new Queue(this, `${name}FailedInvocations`, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
  }
}

/** Event and schedule triggers invoke Lambda asynchronously; HTTP invokes it synchronously. */
function isInvokedAsynchronously(declaration: FunctionDeclaration): boolean {
  return declaration.triggers.some((t) => t.kind !== 'http');
}

function declaresRoute(
  declarations: FunctionDeclarations,
  method: HttpTrigger['method'],
  path: string,
): boolean {
  return Object.values(declarations).some((d) =>
    d.triggers.some((t) => t.kind === 'http' && t.method === method && t.path === path),
  );
}
