import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { functions as declaredFunctions } from '#infra/wiring/functions.ts';
import { resourceEnvironment } from '#infra/wiring/resource-environment.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { grantDeclaredAccess } from './access-grants.ts';
import { senderIdentityOf, sendingPolicyOf } from './config/sender-settings.ts';
import { CrmDelivery } from './crm-delivery.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { type AdminIdentities, LeadflowHttpApi } from './http/leadflow-http-api.ts';
import { LeadflowFunction } from './leadflow-function.ts';
import { FunnelDashboard } from './monitoring/funnel-dashboard.ts';
import { OperationsAlarms } from './monitoring/operations-alarms.ts';
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
  /** Where alarms notify (the stateful stack's topic). */
  readonly alarmTopic: ITopic;
  /** The stateful stack's alarms, shown beside these on the dashboard. */
  readonly statefulAlarms?: readonly IAlarm[];
  /** Who may call admin routes; required when a declared route has `auth: 'admin'`. */
  readonly admins?: AdminIdentities;
}

/** The webhook path form tools post to; each source is one value of `{source}`. */
const WEBHOOK_ROUTE = '/forms/{source}';
/** A signed source's secret is named after it (`WEBHOOK_SECRET_TYPEFORM`), which names its URL too. */
const WEBHOOK_SECRET_PREFIX = 'WEBHOOK_SECRET_';

/**
 * Everything that can be rebuilt from code: the functions and their triggers, all derived from the
 * wiring declaration, plus the CRM hand-off, the alarms and the dashboard. Nothing here is written
 * by hand per function, so AWS and the local runtime cannot disagree about a route, a rule or a grant.
 */
export class StatelessStack extends Stack {
  /** The built functions, keyed like the declaration. */
  readonly functions: Readonly<Record<string, LeadflowFunction>>;
  /** The HTTP API, when any function declares an `http` trigger. */
  readonly http: LeadflowHttpApi | undefined;
  /** One secret per declared secret name, shared by every function that names it. */
  readonly secrets: ReadonlyMap<string, Secret>;
  readonly crm: CrmDelivery | undefined;
  readonly alarms: OperationsAlarms;
  readonly dashboard: FunnelDashboard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const declarations: FunctionDeclarations = props.functions ?? declaredFunctions;
    const { stage, resources } = props;

    const hasHttpTrigger = Object.values(declarations).some((d) => d.triggers.some((t) => t.kind === 'http'));
    this.http = hasHttpTrigger
      ? new LeadflowHttpApi(this, 'Http', { stage, ...(props.admins ? { admins: props.admins } : {}) })
      : undefined;
    const publicBaseUrl = stage.config.http.publicBaseUrl ?? this.http?.url;
    const sender = senderIdentityOf(stage.config);

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
        stageName: stage.name,
        entry: declaration.entry,
        description: declaration.description,
        environment: {
          ...resourceEnvironment(declaration.access, {
            tableName: resources.table.tableName,
            eventBusName: resources.eventBus.eventBusName,
            mailFrom: resources.mailFrom,
            mailConfigurationSet: resources.mailConfigurationSet.configurationSetName,
            ...(sender ? { mailSender: JSON.stringify(sender) } : {}),
            sendingPolicy: JSON.stringify(sendingPolicyOf(stage.config)),
            publicBaseUrl,
            notifications: stage.config.notifications,
            formSites: stage.config.forms,
          }),
          ...secretEnvironment,
          ...declaration.environment,
        },
        ...(declaration.timeoutSeconds ? { timeout: Duration.seconds(declaration.timeoutSeconds) } : {}),
        ...(declaration.memoryMb ? { memorySize: declaration.memoryMb } : {}),
        logRetention: stage.logRetention,
        logRemovalPolicy: stage.removalPolicy,
        ...(isInvokedAsynchronously(declaration)
          ? {
              onFailure: new SqsDestination(
                new DeadLetterQueue(this, `${name}FailedInvocations`, {
                  holds: `invocations of ${name} that failed after Lambda's two retries`,
                }),
              ),
            }
          : {}),
      });
      for (const secretName of declaration.secrets ?? []) secrets.get(secretName)?.grantRead(fn);
      grantDeclaredAccess(fn, declaration.access, resources);
      this.addTriggers(name, declaration, fn, resources);
      built[name] = fn;
    }
    this.functions = built;
    this.secrets = secrets;

    const { crm } = stage.config;
    this.crm = crm
      ? new CrmDelivery(this, 'Crm', { crm, eventBus: resources.eventBus, stageName: stage.name })
      : undefined;

    this.alarms = new OperationsAlarms(this, 'Alarms', {
      stageName: stage.name,
      topic: props.alarmTopic,
      functions: built,
      ...(this.http ? { httpApi: this.http.api } : {}),
    });
    this.dashboard = new FunnelDashboard(this, 'Dashboard', {
      stageName: stage.name,
      configurationSetName: resources.mailConfigurationSet.configurationSetName,
      functions: built,
      deadLetterQueues: DeadLetterQueue.within(this),
      ...(this.http ? { httpApi: this.http.api } : {}),
      alarms: [...this.alarms.alarms, ...(props.statefulAlarms ?? [])],
    });
    this.addOutputs(declarations);
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
        const http = this.http;
        if (!http) throw new Error('Unreachable: an http trigger exists, so the HTTP API was created.');
        integration ??= new HttpLambdaIntegration(`${name}Integration`, fn, {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        });
        http.addRoute(trigger, integration);
      } else if (trigger.kind === 'event') {
        addEventRule(this, trigger, resources.eventBus, fn);
      } else {
        addScheduleRule(this, trigger, fn);
      }
    }
  }

  private addOutputs(declarations: FunctionDeclarations) {
    if (this.http) {
      new CfnOutput(this, 'HttpApiUrl', { value: this.http.url });
      const intake = Object.values(declarations).find((d) =>
        d.triggers.some((t) => t.kind === 'http' && t.method === 'POST' && t.path === WEBHOOK_ROUTE),
      );
      if (intake) {
        new CfnOutput(this, 'WebhookUrlPattern', {
          description: 'Form sources post to this URL with {source} replaced by their name (generic, html…).',
          value: `${this.http.url}${WEBHOOK_ROUTE}`,
        });
        for (const secretName of intake.secrets ?? []) {
          if (!secretName.startsWith(WEBHOOK_SECRET_PREFIX)) continue;
          const source = secretName.slice(WEBHOOK_SECRET_PREFIX.length).toLowerCase();
          new CfnOutput(this, `${capitalize(source)}WebhookUrl`, {
            description: `Where the ${source} source posts; it signs with the ${secretName} secret.`,
            value: `${this.http.url}${WEBHOOK_ROUTE.replace('{source}', source)}`,
          });
        }
      }
    }
    for (const [secretName, secret] of this.secrets) {
      new CfnOutput(this, `${secretName}SecretArn`, {
        description: `${secretName}: set with aws secretsmanager put-secret-value --secret-id <this ARN>.`,
        value: secret.secretArn,
      });
    }
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${this.dashboard.dashboard.dashboardName}`,
    });
  }

  /**
   * A generated value (48 letters and digits, which is also valid base64, so it works as a
   * Standard Webhooks secret as is) that an operator can replace; the template never holds it.
   */
  private createSecret(secretName: string, stage: StageSettings): Secret {
    // No physical name: a destroyed dev stage keeps the name reserved for the recovery window,
    // which would block the next deploy. The description and the stack output identify it.
    const secret = new Secret(this, `${secretName}Secret`, {
      description: `leadflow ${stage.name}: ${secretName}`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Shared with a party outside AWS (a form tool, a provider, or people holding the admin token): a ' +
        'rotation Lambda cannot update the other side, so rotation is the coordinated manual step in the ' +
        'deploy guide (docs/deploy.md); functions pick a new value up within 15 minutes.',
    });
    return secret;
  }
}

/** Event and schedule triggers invoke Lambda asynchronously; HTTP invokes it synchronously. */
function isInvokedAsynchronously(declaration: FunctionDeclaration): boolean {
  return declaration.triggers.some((t) => t.kind !== 'http');
}

function capitalize(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
