import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { corsForAllowedOrigins } from '#shared/http/cors.ts';
import { problemDetails } from '#shared/http/problem-details-middleware.ts';
import {
  type BeaconDeps,
  beaconCorsOrigin,
  beaconPreflight,
  receiveBeacon,
} from '#shared/tracking/receive-beacon.ts';

/** `POST /track` (and its `OPTIONS` preflight): the website beacon for page visits of known contacts. */
export function createVisitTrackerHandler(deps: BeaconDeps) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(corsForAllowedOrigins((event) => beaconCorsOrigin(event, deps.forms)))
    .use(problemDetails())
    .handler(async (event) =>
      event.requestContext.http.method === 'OPTIONS'
        ? beaconPreflight(event, deps.forms)
        : receiveBeacon(event, deps),
    );
}
