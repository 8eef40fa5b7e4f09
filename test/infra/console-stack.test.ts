import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseStageConfig } from '#infra/cdk/config/load-stage-config.ts';
import { resourcesOf, stageConfig, synthLeadflow } from './synth-leadflow.ts';

/** CloudFront's managed policies, by their documented ids. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const dev = synthLeadflow({ stage: 'dev' });
const template = dev.consoleTemplate;
if (!template || !dev.console) throw new Error('The dev stage has admin routes, so it must have a console.');

describe('the marketing console stack', () => {
  it('keeps the files in a private, encrypted, TLS-only bucket that logs its accesses', () => {
    const buckets = resourcesOf(template, 'AWS::S3::Bucket');
    expect(buckets).toHaveLength(2);
    for (const [, bucket] of buckets) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      });
    }
    const policies = resourcesOf(template, 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(2);
    for (const [, policy] of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'files/' },
    });
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ ExpirationInDays: dev.config.logs.retentionDays, Status: 'Enabled' })],
        },
      }),
    });
  });

  it('serves the files through CloudFront with origin access control, and passes /admin/* to the API uncached', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    const [, distribution] = resourcesOf(template, 'AWS::CloudFront::Distribution')[0] ?? [];
    const config = distribution?.Properties.DistributionConfig;
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      Logging: expect.objectContaining({ Prefix: 'cloudfront/' }),
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: CACHING_OPTIMIZED,
        Compress: true,
      },
    });
    expect(config.CacheBehaviors).toEqual([
      expect.objectContaining({
        PathPattern: '/admin/*',
        ViewerProtocolPolicy: 'https-only',
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        AllowedMethods: expect.arrayContaining(['GET', 'POST']),
      }),
    ]);
    const apiOrigin = config.Origins.find((origin: any) => origin.CustomOriginConfig);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiEndpoint');
  });

  it('sends a strict content security policy, HSTS and no framing with every answer', () => {
    const [, policy] = resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy')[0] ?? [];
    const security = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('https://cognito-idp.');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(security).toMatchObject({
      FrameOptions: { FrameOption: 'DENY' },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000 },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer' },
    });
  });

  it('deploys the built assets as immutable and the page and its configuration as never cached', () => {
    const deployments = resourcesOf(template, 'Custom::CDKBucketDeployment').map(([, d]) => d.Properties);
    expect(deployments.map((d) => d.SystemMetadata['cache-control']).sort()).toEqual([
      'no-cache',
      'public, max-age=31536000, immutable',
    ]);
    for (const deployment of deployments) expect(deployment.Prune).toBe(false);
    // The CLI layer the CDK's copying function runs with, one per deployment.
    template.resourceCountIs('AWS::Lambda::LayerVersion', 2);
    expect(JSON.stringify(template.toJSON().Outputs.ConsoleUrl.Value)).toContain('DomainName');
  });

  it('uses a custom domain with TLS 1.2 when one is configured, and then needs no TLS acknowledgement', () => {
    const custom = synthLeadflow({
      stage: 'dev',
      configPatch: {
        console: {
          domainName: 'leads.leadflow-customer.test',
          certificateArn:
            'arn:aws:acm:us-east-1:123456789012:certificate/0b1d2c3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
        },
      },
    });
    custom.consoleTemplate?.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['leads.leadflow-customer.test'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
    const acknowledged = custom.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.keys(m.data as object));
    expect(acknowledged.some((rule) => rule.includes('CFR4'))).toBe(false);
  });

  it('is left out when the stage says so', () => {
    expect(
      synthLeadflow({ stage: 'dev', configPatch: { console: { enabled: false } } }).console,
    ).toBeUndefined();
  });

  it('refuses a domain without its certificate, or a certificate outside us-east-1', () => {
    const problem = (console: unknown) => {
      try {
        parseStageConfig('dev', { ...stageConfig('dev'), console }, 'dev.json');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(problem({ domainName: 'leads.example.com' })).toContain('console.certificateArn');
    expect(
      problem({
        domainName: 'leads.example.com',
        certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      }),
    ).toContain('us-east-1');
  });
});
