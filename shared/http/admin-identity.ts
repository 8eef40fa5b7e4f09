import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';

/** A person's name or address as recorded with what they did (a review decision, a publish). */
export const personNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(200),
    z.regex(/^[^\p{Cc}]+$/u, 'must not contain control characters'),
  );

interface AuthorizerContext {
  readonly jwt?: { readonly claims?: Readonly<Record<string, unknown>> };
  readonly lambda?: Readonly<Record<string, unknown>>;
}

/**
 * What the authorizer in front of the API vouched for: a Cognito ID token's claims in AWS, a Lambda
 * authorizer's context elsewhere; nothing locally, where only the handlers' tokens are checked.
 */
export function authorizerOf(event: APIGatewayProxyEventV2): AuthorizerContext | undefined {
  return (event.requestContext as { authorizer?: AuthorizerContext }).authorizer;
}

/** The person the authorizer vouched for (a JWT's email or subject, or a Lambda authorizer's `reviewer`). */
export function authenticatedPerson(event: APIGatewayProxyEventV2): unknown {
  const authorizer = authorizerOf(event);
  return authorizer?.jwt?.claims?.email ?? authorizer?.jwt?.claims?.sub ?? authorizer?.lambda?.reviewer;
}

/**
 * The Cognito groups of the ID token. API Gateway hands array claims to the handler as one string
 * (`[publishers reviewers]`), a JWT library as an array; both are read.
 */
export function authenticatedGroups(event: APIGatewayProxyEventV2): string[] {
  const groups = authorizerOf(event)?.jwt?.claims?.['cognito:groups'];
  if (Array.isArray(groups)) return groups.map(String);
  if (typeof groups !== 'string') return [];
  return groups
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((group) => group !== '');
}
