import { App, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { addLeadflowStacks } from '#infra/cdk/leadflow-stacks.ts';
import { senderAddress } from '#infra/cdk/mail-grant.ts';
import { stageSettings } from '#infra/cdk/stage.ts';

describe('stageSettings', () => {
  it('keeps production data and logs longer', () => {
    expect(stageSettings('prod')).toMatchObject({
      production: true,
      removalPolicy: RemovalPolicy.RETAIN,
      logRetention: RetentionDays.THREE_MONTHS,
    });
    expect(stageSettings('dev')).toMatchObject({
      production: false,
      removalPolicy: RemovalPolicy.DESTROY,
      logRetention: RetentionDays.ONE_WEEK,
    });
  });

  it.each(['', 'Prod', 'my stage', '1dev', 'a'.repeat(21)])('rejects the stage name %j', (name) => {
    expect(() => stageSettings(name)).toThrow(/is not valid/);
  });
});

describe('addLeadflowStacks', () => {
  it('refuses to build prod without a real sender address', () => {
    expect(() => addLeadflowStacks(new App(), { stage: 'prod' })).toThrow(/mailFrom/);
  });
});

describe('senderAddress', () => {
  it('finds the address in a display-name sender', () => {
    expect(senderAddress('Leadflow <leads@example.com>')).toBe('leads@example.com');
    expect(senderAddress('leads@example.com')).toBe('leads@example.com');
  });

  it('rejects a sender without an address', () => {
    expect(() => senderAddress('Leadflow')).toThrow(/e-mail address/);
  });
});
