import { describe, expect, it } from 'vitest';
import {
  FunctionTimeoutError,
  type InvocationReport,
  localFunction,
} from '#infra/local/lambda/local-function.ts';
import { REPO_ROOT } from '#infra/local/paths.ts';
import { defineFunction } from '#infra/wiring/types.ts';

function fixture(entry: string, timeoutSeconds?: number) {
  const lines: string[] = [];
  const reports: InvocationReport[] = [];
  const fn = localFunction({
    name: 'fixture',
    declaration: defineFunction({
      entry,
      description: 'test',
      triggers: [],
      access: {},
      ...(timeoutSeconds ? { timeoutSeconds } : {}),
    }),
    rootDir: REPO_ROOT,
    region: 'us-east-1',
    accountId: '000000000000',
    log: (line) => lines.push(line),
    onInvocation: (report) => reports.push(report),
  });
  return { fn, lines, reports };
}

describe('localFunction', () => {
  it('imports the entry relative to the repository root and passes a Lambda context', async () => {
    const { fn } = fixture('test/fixtures/local/handlers/context.ts', 7);
    const result = (await fn.invoke({ hello: 'world' })) as Record<string, unknown>;
    expect(result.event).toEqual({ hello: 'world' });
    expect(result).toMatchObject({
      functionName: 'fixture',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:fixture',
      memoryLimitInMB: '512',
    });
    expect(result.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.remainingMs).toBeGreaterThan(6_000);
    expect(result.remainingMs).toBeLessThanOrEqual(7_000);
  });

  it('gives every invocation its own request id', async () => {
    const { fn } = fixture('test/fixtures/local/handlers/context.ts');
    const first = (await fn.invoke({})) as { awsRequestId: string };
    const second = (await fn.invoke({})) as { awsRequestId: string };
    expect(first.awsRequestId).not.toBe(second.awsRequestId);
  });

  it('reports each invocation with its duration and outcome', async () => {
    const { fn, reports } = fixture('test/fixtures/local/handlers/slow.ts');
    await fn.invoke({ waitMs: 30 });
    const failing = fixture('test/fixtures/local/handlers/fail.ts');
    await expect(failing.fn.invoke({})).rejects.toThrow();
    expect(reports).toEqual([
      expect.objectContaining({ functionName: 'fixture', memoryMb: 512, succeeded: true }),
    ]);
    expect(reports[0]?.durationMs).toBeGreaterThanOrEqual(25);
    expect(failing.reports).toEqual([expect.objectContaining({ succeeded: false })]);
  });

  it('rejects with the handler error and logs it without the event', async () => {
    const { fn, lines } = fixture('test/fixtures/local/handlers/fail.ts');
    await expect(fn.invoke({ email: 'ada@example.com' })).rejects.toThrow('fixture failure');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('lambda: fixture failed');
    expect(lines[0]).toContain('fixture failure');
    expect(lines[0]).not.toContain('ada@example.com');
  });

  it('times out at the declared timeout, as Lambda does', async () => {
    const { fn } = fixture('test/fixtures/local/handlers/slow.ts', 1);
    const started = Date.now();
    await expect(fn.invoke({ waitMs: 5_000 })).rejects.toBeInstanceOf(FunctionTimeoutError);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says so when the module exports no handler, and tries again on the next invocation', async () => {
    const { fn } = fixture('test/fixtures/local/handlers/no-handler.ts');
    await expect(fn.invoke({})).rejects.toThrow('does not export a function named "handler"');
    await expect(fn.invoke({})).rejects.toThrow('does not export a function named "handler"');
  });

  it('fails the invocation, not the runtime, when the entry does not exist', async () => {
    const { fn } = fixture('test/fixtures/local/handlers/missing.ts');
    await expect(fn.invoke({})).rejects.toThrow();
  });
});
