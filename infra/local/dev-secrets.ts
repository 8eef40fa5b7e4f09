/**
 * Values for the declared secrets when running locally. In AWS each secret lives in Secrets Manager
 * and the function gets its ARN; locally the function gets the value itself as `<NAME>` (see
 * `FunctionDeclaration.secrets`). These values are published on purpose: they only let a developer
 * sign requests to their own machine. A value already set in the environment wins, so a developer
 * can test against a real form tool's secret.
 */
export const DEV_SECRETS: Readonly<Record<string, string>> = {
  /**
   * Standard Webhooks signing secret for the generic JSON intake: `whsec_` + base64 of the 32 bytes
   * "leadflow local development only!". Sign a local test request with it, e.g.
   * `new Webhook(DEV_SECRETS.WEBHOOK_SECRET_GENERIC).sign(id, new Date(), body)` (standardwebhooks).
   */
  WEBHOOK_SECRET_GENERIC: 'whsec_bGVhZGZsb3cgbG9jYWwgZGV2ZWxvcG1lbnQgb25seSE=',
  /**
   * Bearer token of the admin routes (the sales review API) on a developer's machine:
   * `curl -H 'authorization: Bearer leadflow-local-admin-token' localhost:3000/admin/reviews`.
   */
  LEADFLOW_ADMIN_TOKEN: 'leadflow-local-admin-token',
  /**
   * The second token publishing configuration needs locally (in AWS: the Cognito group `publishers`),
   * sent beside the admin token: `x-leadflow-publish-token: leadflow-local-publish-token`.
   */
  LEADFLOW_PUBLISH_TOKEN: 'leadflow-local-publish-token',
  /**
   * HMAC key of the unsubscribe, preference and confirmation links in emails (see MailTokens). Several
   * keys separated by spaces rotate: the first signs, all verify.
   */
  MAIL_TOKEN_SECRET: 'leadflow-local-development-only-mail-token-key',
  /** The secret typed into Typeform's webhook settings; `npm run post-form -- --source typeform` signs with it. */
  WEBHOOK_SECRET_TYPEFORM: 'leadflow-local-typeform-secret',
  /** The signing secret set on a Tally webhook (`--source tally`). */
  WEBHOOK_SECRET_TALLY: 'leadflow-local-tally-secret',
  /** The secret Webflow gives a site webhook (`--source webflow`). */
  WEBHOOK_SECRET_WEBFLOW: 'leadflow-local-webflow-secret',
  /** Keys the visitor tokens intake issues and the `/track` beacon checks. */
  VISITOR_TOKEN_SECRET: 'leadflow-local-visitor-token-secret',
};
