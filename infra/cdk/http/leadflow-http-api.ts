import { Duration, Lazy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  type HttpRouteIntegration,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HttpTrigger } from '#infra/wiring/types.ts';
import type { StageSettings } from '../stage.ts';

/**
 * Where an admin sends the Cognito ID token the authorizer checks. Not `Authorization`: that header
 * carries the admin bearer token (`LEADFLOW_ADMIN_TOKEN`) the handlers check themselves, locally and
 * in AWS alike, so both checks hold and neither hides the other.
 */
export const ADMIN_IDENTITY_HEADER = 'x-leadflow-identity';

/**
 * One JSON line per request with what an operator needs to follow it (ids, route, status,
 * latencies, errors) and nothing about the person: no source IP, no user agent, no query string.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  errorMessage: '$context.error.message',
};

export interface AdminIdentities {
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;
}

export interface LeadflowHttpApiProps {
  readonly stage: StageSettings;
  /** Who may call `auth: 'admin'` routes; required as soon as one is declared. */
  readonly admins?: AdminIdentities;
}

/**
 * The HTTP API in front of the functions: throttled per stage, access-logged, CORS for browser
 * forms from the configured origins only, and admin routes behind a Cognito JWT authorizer.
 * Payloads: API Gateway caps a request at 10 MB and Lambda at 6 MB; intake refuses anything over
 * 256 KB itself (413) before reading it.
 */
export class LeadflowHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private readonly settings: StageSettings;
  private readonly admins: AdminIdentities | undefined;
  private adminAuthorizer: HttpUserPoolAuthorizer | undefined;
  private readonly adminRouteKeys: string[] = [];

  constructor(scope: Construct, id: string, props: LeadflowHttpApiProps) {
    super(scope, id);
    const { stage } = props;
    const { http } = stage.config;
    this.settings = stage;
    this.admins = props.admins;

    this.api = new HttpApi(this, 'Api', {
      description: `leadflow ${stage.name}: form webhooks and API.`,
      createDefaultStage: false,
      ...(http.corsAllowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...http.corsAllowedOrigins],
              allowMethods: [CorsHttpMethod.POST],
              allowHeaders: ['content-type'],
              maxAge: Duration.days(1),
            },
          }
        : {}),
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: http.throttle.rateLimit, burstLimit: http.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    // Route settings are filled in as admin routes are added; CloudFormation reads them at synth.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Lazy.any({
      produce: () =>
        this.adminRouteKeys.length === 0
          ? undefined
          : Object.fromEntries(this.adminRouteKeys.map((key) => [key, this.adminRouteThrottle()])),
    });
  }

  /** The API's base URL (the `$default` stage serves at the root). */
  get url(): string {
    return this.api.apiEndpoint;
  }

  /** Adds the route a trigger declares; admin routes get the authorizer and their own throttle. */
  addRoute(trigger: HttpTrigger, integration: HttpRouteIntegration): HttpRoute[] {
    const admin = trigger.auth === 'admin';
    const routes = this.api.addRoutes({
      path: trigger.path,
      methods: [HttpMethod[trigger.method]],
      integration,
      ...(admin ? { authorizer: this.authorizer() } : {}),
    });
    if (admin) {
      this.adminRouteKeys.push(`${trigger.method} ${trigger.path}`);
    } else {
      for (const route of routes) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'A public route: form tools and browsers cannot hold an AWS or Cognito credential, so each ' +
            'delivery proves itself in the handler (HMAC signature on the raw body, or an allowed origin), ' +
            'and the stage throttle bounds abuse.',
        });
      }
    }
    return routes;
  }

  private authorizer(): HttpUserPoolAuthorizer {
    if (!this.admins) {
      throw new Error('An admin route is declared, but the stage was built without the admins user pool.');
    }
    this.adminAuthorizer ??= new HttpUserPoolAuthorizer('AdminAuthorizer', this.admins.userPool, {
      userPoolClients: [this.admins.client],
      identitySource: [`$request.header.${ADMIN_IDENTITY_HEADER}`],
    });
    return this.adminAuthorizer;
  }

  private adminRouteThrottle() {
    const { adminThrottle } = this.settings.config.http;
    return { ThrottlingRateLimit: adminThrottle.rateLimit, ThrottlingBurstLimit: adminThrottle.burstLimit };
  }
}
