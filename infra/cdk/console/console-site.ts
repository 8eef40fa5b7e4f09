import { DockerImage, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildConsole, CONSOLE_DIR, writeConsole } from '#infra/console/build-console.ts';
import { contentSecurityPolicy } from '#infra/console/security-headers.ts';
import type { StageSettings } from '../stage.ts';
import { acknowledgeBucketDeployment } from './bucket-deployment-nag.ts';

export interface ConsoleSiteProps {
  readonly stage: StageSettings;
  readonly api: IHttpApi;
  /** The admins' Cognito client: the console signs people in with it. */
  readonly adminClient: IUserPoolClient;
}

/**
 * The marketing console in AWS: its static files in a private bucket, served by CloudFront, which
 * also passes `/admin/*` to the HTTP API, so the console and the API share one origin (no CORS, and
 * the tokens are only ever sent there). The files are built from `console/` at synth time, like the
 * functions; `config.json` tells the console to sign people in with the admins' user pool.
 */
export class ConsoleSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly logs: Bucket;
  private readonly domainName: string | undefined;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const { stage } = props;
    const region = Stack.of(this).region;

    // CloudFront's standard logs need a bucket that accepts ACLs; they are kept as long as the logs.
    this.logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(stage.config.logs.retentionDays) }],
      // Logs keep arriving until the distribution is gone, so the bucket is never empty at deletion.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is where the console bucket and the distribution write their access logs; logging ' +
        'its own accesses into itself would log every log delivery, without end.',
    });
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'files/',
      // Only built files live here: they are rebuilt from the repository at every deploy.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `leadflow ${stage.name} console: CSP, HSTS, no framing`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            connectTo: [`https://cognito-idp.${region}.amazonaws.com`],
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    const { domainName, certificateArn } = stage.config.console;
    this.domainName = domainName;
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `leadflow ${stage.name}: marketing console and admin API`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      additionalBehaviors: {
        // Never cached, every header but Host passed on (the admin token and the Cognito ID token).
        '/admin/*': {
          origin: new HttpOrigin(apiDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      ...(domainName && certificateArn
        ? {
            domainNames: [domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.acknowledgeDistributionFindings(Boolean(domainName));

    const files = Source.asset(CONSOLE_DIR, {
      bundling: {
        // Built locally with esbuild, like the functions; the image is never pulled.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
        local: {
          tryBundle(outputDir) {
            writeConsole(outputDir, buildConsole());
            return true;
          },
        },
      },
    });
    // Hashed assets are immutable; the page and its configuration are checked on every load.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      sources: [files],
      include: ['assets/*'],
      exclude: ['*'],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    const page = new BucketDeployment(this, 'DeployPage', {
      destinationBucket: this.bucket,
      sources: [
        files,
        Source.jsonData('config.json', {
          signIn: { kind: 'cognito', region, clientId: props.adminClient.userPoolClientId },
        }),
      ],
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      prune: false,
    });
    // The page names the assets: it must not be served before they are there.
    page.node.addDependency(assets);
    acknowledgeBucketDeployment(Stack.of(this), this.bucket);
  }

  /** The console's URL: the custom domain when there is one. */
  get url(): string {
    return `https://${this.domainName ?? this.distribution.distributionDomainName}`;
  }

  private acknowledgeDistributionFindings(customDomain: boolean): void {
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Sales and marketing people review leads from wherever they travel; the admin routes are behind ' +
        'Cognito with a second factor and the admin token, so no country needs to be blocked.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'The distribution serves static files and passes /admin/* to an API that checks a Cognito token ' +
        'and the admin token and throttles each admin route; a web ACL would add a fixed monthly cost ' +
        'for no rule that these checks do not already cover.',
    });
    if (!customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose ' +
          'TLS policy CloudFront fixes; set console.domainName and console.certificateArn to require TLS 1.2.',
      });
    }
  }
}
