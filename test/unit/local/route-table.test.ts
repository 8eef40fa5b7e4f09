import { describe, expect, it } from 'vitest';
import { createRouteTable } from '#infra/local/http/route-table.ts';

const table = createRouteTable([
  { method: 'POST', path: '/forms/{source}', target: 'formIntake' },
  { method: 'GET', path: '/forms/health', target: 'formsHealth' },
  { method: 'GET', path: '/files/{proxy+}', target: 'files' },
  { method: 'GET', path: '/contacts/{contactId}/activities/{activityId}', target: 'activity' },
]);

describe('createRouteTable', () => {
  it('matches a parameterised route and decodes its parameters', () => {
    expect(table.match('POST', '/forms/web%20flow')).toEqual({
      kind: 'matched',
      target: 'formIntake',
      routeKey: 'POST /forms/{source}',
      pathParameters: { source: 'web flow' },
    });
  });

  it('matches several parameters', () => {
    expect(table.match('GET', '/contacts/c1/activities/a9')).toMatchObject({
      target: 'activity',
      pathParameters: { contactId: 'c1', activityId: 'a9' },
    });
  });

  it('prefers a literal segment over a parameter', () => {
    expect(table.match('GET', '/forms/health')).toMatchObject({ kind: 'matched', target: 'formsHealth' });
  });

  it('lets a greedy parameter take the rest of the path, slashes included', () => {
    expect(table.match('GET', '/files/2026/03/report.pdf')).toMatchObject({
      target: 'files',
      routeKey: 'GET /files/{proxy+}',
      pathParameters: { proxy: '2026/03/report.pdf' },
    });
  });

  it('does not let a greedy parameter match nothing', () => {
    expect(table.match('GET', '/files')).toEqual({ kind: 'not-found' });
    expect(table.match('GET', '/files/')).toEqual({ kind: 'not-found' });
  });

  it('says which methods a known path allows', () => {
    expect(table.match('GET', '/forms/tally')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
    expect(table.match('DELETE', '/forms/health')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'POST'],
    });
  });

  it('answers not-found for unknown paths, extra segments and empty parameters', () => {
    expect(table.match('POST', '/nope')).toEqual({ kind: 'not-found' });
    expect(table.match('POST', '/forms/tally/extra')).toEqual({ kind: 'not-found' });
    expect(table.match('POST', '/forms/')).toEqual({ kind: 'not-found' });
  });

  it('matches methods case-insensitively', () => {
    expect(table.match('post', '/forms/tally')).toMatchObject({ kind: 'matched' });
  });

  it.each([
    [[{ method: 'GET', path: 'no-slash', target: 1 }], 'must start with'],
    [[{ method: 'GET', path: '/a/{rest+}/b', target: 1 }], 'last segment'],
    [[{ method: 'GET', path: '/a/{bad', target: 1 }], 'malformed'],
    [
      [
        { method: 'GET', path: '/a', target: 1 },
        { method: 'GET', path: '/a', target: 2 },
      ],
      'declared twice',
    ],
  ] as const)('rejects a bad declaration %#', (routes, message) => {
    expect(() => createRouteTable(routes)).toThrow(message);
  });
});
