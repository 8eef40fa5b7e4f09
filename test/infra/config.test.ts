import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadStageConfig, parseStageConfig } from '#infra/cdk/config/load-stage-config.ts';
import { productionMailProblems, senderIdentityOf } from '#infra/cdk/config/sender-settings.ts';
import { senderAddress } from '#infra/cdk/mail-grant.ts';
import { stageSettings } from '#infra/cdk/stage.ts';
import { PRODUCTION_MAIL, stageConfig } from './synth-leadflow.ts';

const minimal = { mail: { from: 'leads@customer.test' } };
const scratch = mkdtempSync(path.join(tmpdir(), 'leadflow-config-'));

function writeConfig(name: string, content: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

/** The committed prod.json with the mail section an operator fills in. */
function prodFilledIn() {
  return stageConfig('prod', { mail: PRODUCTION_MAIL });
}

function problemOf(input: unknown): string {
  try {
    parseStageConfig('dev', input, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('The configuration was accepted.');
}

describe('the committed stage configurations', () => {
  it('dev is valid', () => {
    expect(loadStageConfig({ stage: 'dev' }).name).toBe('dev');
  });

  it('prod is refused until its placeholders are replaced, each setting named', () => {
    expect(() => loadStageConfig({ stage: 'prod' })).toThrow(
      /production stage and cannot send mail as configured[\s\S]*mail\.from is the example sender[\s\S]*mail\.postalAddress is missing[\s\S]*mail\.links\.website is an example link[\s\S]*mail\.links\.privacy is an example link/,
    );
  });

  it('makes only prod a production stage: data retained, logs kept 90 days', () => {
    const prod = stageSettings(prodFilledIn());
    const dev = stageSettings(loadStageConfig({ stage: 'dev' }));
    expect(prod).toMatchObject({ production: true, removalPolicy: RemovalPolicy.RETAIN, logRetention: 90 });
    expect(dev).toMatchObject({ production: false, removalPolicy: RemovalPolicy.DESTROY, logRetention: 7 });
  });
});

describe('parseStageConfig', () => {
  it('fills in the defaults of everything a minimal file leaves out', () => {
    const config = parseStageConfig('dev', minimal);
    expect(config).toMatchObject({
      production: false,
      http: { throttle: { rateLimit: 50, burstLimit: 100 }, corsAllowedOrigins: [] },
      alarms: { emails: [], sesBounceRate: 0.04, sesComplaintRate: 0.0008 },
      logs: { retentionDays: 30 },
    });
    expect(config.crm).toBeUndefined();
  });

  it.each([
    ['a sender without an address', { mail: { from: 'Leadflow' } }, 'at mail.from'],
    [
      'a bounce alarm at the SES review threshold',
      { ...minimal, alarms: { sesBounceRate: 0.05 } },
      'at alarms.sesBounceRate',
    ],
    [
      'a complaint alarm above the review threshold',
      { ...minimal, alarms: { sesComplaintRate: 0.002 } },
      'at alarms.sesComplaintRate',
    ],
    [
      'a CORS origin with a path',
      { ...minimal, http: { corsAllowedOrigins: ['https://a.test/form'] } },
      'at http.corsAllowedOrigins[0]',
    ],
    [
      'a log retention CloudWatch does not offer',
      { ...minimal, logs: { retentionDays: 10 } },
      'at logs.retentionDays',
    ],
    ['a misspelt setting', { ...minimal, alarm: {} }, 'Unrecognized key: "alarm"'],
    [
      'an http CRM endpoint',
      {
        ...minimal,
        crm: { endpoint: 'http://crm.test', auth: { type: 'basic', username: 'u', secretName: 's' } },
      },
      'at crm.endpoint',
    ],
    [
      'an unknown CRM auth type',
      { ...minimal, crm: { endpoint: 'https://crm.test', auth: { type: 'token' } } },
      'at crm.auth.type',
    ],
    ['an account id that is not 12 digits', { ...minimal, account: '1234' }, 'at account'],
  ])('refuses %s, saying where', (_label, input, where) => {
    const message = problemOf(input);
    expect(message).toContain('Invalid leadflow configuration for stage "dev" (test.json)');
    expect(message).toContain(where);
  });
});

describe('loadStageConfig', () => {
  it('applies -c mailFrom and -c publicBaseUrl over the file', () => {
    const config = loadStageConfig({
      stage: 'dev',
      overrides: { mailFrom: 'Sales <sales@customer.test>', publicBaseUrl: 'https://leads.customer.test' },
    });
    expect(config.mail.from).toBe('Sales <sales@customer.test>');
    expect(config.mail.links).toEqual(loadStageConfig({ stage: 'dev' }).mail.links);
    expect(config.http.publicBaseUrl).toBe('https://leads.customer.test');
    expect(config.http.corsAllowedOrigins).toEqual(loadStageConfig({ stage: 'dev' }).http.corsAllowedOrigins);
  });

  it('reads another file given with configFile', () => {
    const file = writeConfig('alice.json', JSON.stringify(minimal));
    expect(loadStageConfig({ stage: 'alice', configFile: file }).mail.from).toBe('leads@customer.test');
  });

  it('says which file to create for a stage without one', () => {
    expect(() => loadStageConfig({ stage: 'alice' })).toThrow(
      /No configuration for stage "alice": create .*alice\.json/,
    );
  });

  it('says when a file is not JSON', () => {
    const file = writeConfig('broken.json', '{ "mail": ');
    expect(() => loadStageConfig({ stage: 'dev', configFile: file })).toThrow(
      /broken\.json is not valid JSON/,
    );
  });

  it.each(['', 'Prod', 'my stage', '1dev', 'a'.repeat(21)])('rejects the stage name %j', (stage) => {
    expect(() => loadStageConfig({ stage })).toThrow(/is not valid: use 1-20 lower-case letters/);
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

describe('a production stage refuses placeholders in the mail it sends', () => {
  const production = (mail: Record<string, unknown>) =>
    parseStageConfig('live', { production: true, mail: { ...PRODUCTION_MAIL, ...mail } }, 'live.json');

  it('accepts a filled-in mail section', () => {
    expect(production({}).mail.postalAddress).toBe(PRODUCTION_MAIL.postalAddress);
  });

  it.each([
    ['an example sender', { from: 'Leadflow <news@mail.example.com>' }, 'mail.from is the example sender'],
    ['an example reply-to', { replyTo: 'team@example.org' }, 'mail.replyTo is an example address'],
    ['no postal address', { postalAddress: undefined }, 'mail.postalAddress is missing'],
    ['no links', { links: undefined }, 'mail.links is missing'],
    [
      'an example privacy page',
      { links: { ...PRODUCTION_MAIL.links, privacy: 'https://example.net/privacy' } },
      'mail.links.privacy is an example link',
    ],
  ])('refuses %s, naming the setting', (_, mail, message) => {
    expect(() => production(mail)).toThrow(message);
  });

  it('refuses an example link in the nurture configuration, naming its file', () => {
    const problems = productionMailProblems(production({}), { replay: 'https://www.example.com/replay' });
    expect(problems).toEqual([expect.stringContaining('links.replay in shared/nurture/config/nurture.json')]);
    expect(productionMailProblems(production({}), { replay: '/webinars/replay' })).toEqual([]);
  });

  it('lets a development stage keep its examples', () => {
    expect(parseStageConfig('dev', { mail: { from: 'leads@example.com' } }).mail.from).toBe(
      'leads@example.com',
    );
  });
});

describe('senderIdentityOf', () => {
  it("names the company after the sender's display name unless told otherwise", () => {
    const config = parseStageConfig('dev', { mail: { ...PRODUCTION_MAIL, companyName: undefined } });
    expect(senderIdentityOf(config)).toEqual({
      companyName: 'Leadflow',
      postalAddress: PRODUCTION_MAIL.postalAddress,
      links: PRODUCTION_MAIL.links,
    });
  });

  it('gives no identity while the stage names no links, so senders refuse to start', () => {
    expect(senderIdentityOf(parseStageConfig('dev', minimal))).toBeUndefined();
  });
});
