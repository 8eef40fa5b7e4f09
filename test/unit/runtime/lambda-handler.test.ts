import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '#infra/local/lambda/lambda-context.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { logger } from '#shared/runtime/logger.ts';

// The vitest config silences Powertools; this test reads the lines the logger would write in AWS.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

const lines: string[] = [];

beforeEach(() => {
  lines.length = 0;
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function context(requestId: string) {
  return lambdaContext({
    functionName: 'leadflow-probe',
    memoryMb: 256,
    timeoutMs: 3000,
    region: 'eu-west-1',
    accountId: '000000000000',
    requestId,
  });
}

describe('lambdaHandler', () => {
  it("puts the invocation's request id and function on every log line", async () => {
    const handler = lambdaHandler(() => async (event: { contactId: string }) => {
      logger.info('probe', { contactId: event.contactId });
      return event.contactId;
    });
    await expect(handler({ contactId: 'c-1' }, context('req-one'))).resolves.toBe('c-1');
    await handler({ contactId: 'c-2' }, context('req-two'));
    const logged = lines.filter((line) => line.includes('"probe"')).map((line) => JSON.parse(line));
    expect(logged.map((line) => [line.contactId, line.function_request_id, line.function_name])).toEqual([
      ['c-1', 'req-one', 'leadflow-probe'],
      ['c-2', 'req-two', 'leadflow-probe'],
    ]);
    expect(logged.every((line) => typeof line.cold_start === 'boolean')).toBe(true);
  });

  it('composes the adapters once, on the first invocation, not at import', async () => {
    const compose = vi.fn(() => async () => 'done');
    const handler = lambdaHandler(compose);
    expect(compose).not.toHaveBeenCalled();
    await handler({}, context('a'));
    await handler({}, context('b'));
    expect(compose).toHaveBeenCalledTimes(1);
  });
});
