import { describe, expect, it } from 'vitest';
import { parseStartCommand, UsageError } from '#infra/local/cli/cli-args.ts';
import { DEFAULT_DATA_DIR } from '#infra/local/paths.ts';

describe('parseStartCommand', () => {
  it('defaults to the documented ports, loopback and .leadflow/', () => {
    expect(parseStartCommand([])).toEqual({
      help: false,
      host: '127.0.0.1',
      ports: { gateway: 3000, dynamodb: 8000, ses: 8005, eventbridge: 8010 },
      fresh: false,
      dataDir: DEFAULT_DATA_DIR,
    });
  });

  it('reads every option', () => {
    expect(
      parseStartCommand(
        [
          '--port=0',
          '--dynamodb-port',
          '9000',
          '--ses-port',
          '9005',
          '--eventbridge-port',
          '9010',
          '--host',
          '0.0.0.0',
          '--data-dir',
          'tmp/state',
          '--fresh',
        ],
        '/work/project',
      ),
    ).toEqual({
      help: false,
      host: '0.0.0.0',
      ports: { gateway: 0, dynamodb: 9000, ses: 9005, eventbridge: 9010 },
      fresh: true,
      dataDir: '/work/project/tmp/state',
    });
  });

  it('recognises --help and -h', () => {
    expect(parseStartCommand(['--help']).help).toBe(true);
    expect(parseStartCommand(['-h']).help).toBe(true);
  });

  it.each([
    ['--port', 'abc'],
    ['--port', '70000'],
    ['--ses-port', '-1'],
    ['--port', '3.5'],
  ])('rejects %s %s', (flag, value) => {
    expect(() => parseStartCommand([flag, value])).toThrow(UsageError);
  });

  it('rejects unknown options and stray arguments', () => {
    expect(() => parseStartCommand(['--verbose'])).toThrow(UsageError);
    expect(() => parseStartCommand(['serve'])).toThrow(UsageError);
  });
});
