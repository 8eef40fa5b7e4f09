import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { PUBLISHERS_GROUP } from '#shared/http/publish-permission.ts';

export interface AdminUserPoolProps {
  readonly stageName: string;
  readonly production: boolean;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The people allowed on the admin routes (sales reviewing leads, marketing looking a contact up):
 * one Cognito user each, created by an operator (no self sign-up), with a strong password and a
 * TOTP second factor. API Gateway checks their ID token before an admin route's handler runs.
 * Kept in the stateful stack: deleting the functions must not delete the people.
 */
export class AdminUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: AdminUserPoolProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `leadflow-${props.stageName}-admins`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection (compromised credentials, risky sign-ins) needs the Plus plan, billed per
      // active user: a handful of sales people cost cents a month for it.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.production,
      removalPolicy: props.removalPolicy,
    });
    // Publishing configuration (the scoring model, nurture tracks…) is a permission of its own: an
    // operator adds a person to this group; the ID token then lists it in `cognito:groups`.
    new CfnUserPoolGroup(this, 'PublishersGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: PUBLISHERS_GROUP,
      description: 'May publish and roll back configuration from the console',
    });
    this.client = this.userPool.addClient('CliClient', {
      userPoolClientName: 'leadflow-admin-cli',
      // USER_PASSWORD_AUTH lets `aws cognito-idp initiate-auth` sign in from a terminal (docs/deploy.md);
      // SRP stays available for a future admin UI. No client secret: a CLI cannot keep one.
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
