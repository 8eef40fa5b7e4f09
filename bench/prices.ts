/**
 * AWS list prices used to turn measured units into dollars: us-east-1, on-demand, as published
 * on the services' pricing pages (DynamoDB after the November 2024 on-demand price cut). Change
 * them here when prices or the region change; every figure in the report follows.
 */
export const PRICES_USD = {
  region: 'us-east-1',
  asOf: '2026-11',
  dynamoDbPerMillionWriteUnits: 0.625,
  dynamoDbPerMillionReadUnits: 0.125,
  eventBridgePerMillionCustomEvents: 1.0,
  sesPerThousandEmails: 0.1,
  lambdaPerMillionRequests: 0.2,
  /** arm64 (Graviton), first pricing tier. */
  lambdaPerGbSecondArm64: 0.0000133334,
  httpApiPerMillionRequests: 1.0,
} as const;
