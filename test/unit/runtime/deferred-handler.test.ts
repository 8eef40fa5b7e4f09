import { describe, expect, it, vi } from 'vitest';
import { deferredHandler } from '#shared/runtime/deferred-handler.ts';

describe('deferredHandler', () => {
  it('builds the handler on the first invocation and keeps it for the next ones', async () => {
    const build = vi.fn(async () => async (event: number) => event * 2);
    const handler = deferredHandler(build);
    expect(build).not.toHaveBeenCalled();

    const answers = await Promise.all([handler(1, {}), handler(2, {}), handler(3, {})]);
    expect(answers).toEqual([2, 4, 6]);
    await handler(4, {});
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('builds again after a failed build instead of keeping the failure', async () => {
    const build = vi
      .fn<() => Promise<(event: string) => Promise<string>>>()
      .mockRejectedValueOnce(new Error('Secrets Manager is unreachable'))
      .mockResolvedValue(async (event) => `handled ${event}`);
    const handler = deferredHandler(build);

    await expect(handler('first', {})).rejects.toThrow('Secrets Manager is unreachable');
    await expect(handler('second', {})).resolves.toBe('handled second');
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('passes the event and context through', async () => {
    const inner = vi.fn(async (_event: { id: string }, context: { requestId: string }) => context.requestId);
    const handler = deferredHandler(async () => inner);
    await expect(handler({ id: 'e1' }, { requestId: 'r1' })).resolves.toBe('r1');
    expect(inner).toHaveBeenCalledWith({ id: 'e1' }, { requestId: 'r1' });
  });
});
