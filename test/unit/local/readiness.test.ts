import { describe, expect, it } from 'vitest';
import { createReadiness } from '#infra/local/readiness.ts';

describe('createReadiness', () => {
  it('is ready only once every part is', () => {
    const readiness = createReadiness();
    readiness.markReady('dynamodb');
    readiness.markReady('ses');
    readiness.markReady('eventbridge');
    expect(readiness.isReady()).toBe(false);
    expect(readiness.parts()).toEqual({
      dynamodb: 'ready',
      ses: 'ready',
      eventbridge: 'ready',
      functions: 'starting',
    });
    readiness.markReady('functions');
    expect(readiness.isReady()).toBe(true);
  });
});
