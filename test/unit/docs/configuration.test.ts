import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configurationPage } from '#infra/docs/configuration-page.ts';
import { functions } from '#infra/wiring/functions.ts';
import { resourceEnvironment } from '#infra/wiring/resource-environment.ts';
import { SECRETS, SETTINGS } from '#shared/runtime/settings.ts';

const settingNames = new Set(Object.values(SETTINGS).map((setting) => setting.name));
const secretNames = new Set(Object.values(SECRETS).map((secret) => secret.name));

describe('the settings catalogue', () => {
  it('is what docs/configuration.md shows (run `npm run docs:configuration` after a change)', () => {
    const committed = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(committed).toBe(configurationPage());
  });

  it('declares every setting the wiring gives a function', () => {
    for (const [name, declaration] of Object.entries(functions)) {
      const given = {
        ...resourceEnvironment(declaration.access, {
          tableName: 't',
          eventBusName: 'b',
          mailFrom: 'm@example.com',
          mailConfigurationSet: 'c',
          publicBaseUrl: 'https://example.com',
        }),
        ...('environment' in declaration ? declaration.environment : {}),
      };
      for (const key of Object.keys(given)) expect(settingNames, `${name}: ${key}`).toContain(key);
    }
  });

  it('declares every secret a function reads', () => {
    for (const [name, declaration] of Object.entries(functions)) {
      for (const secret of 'secrets' in declaration ? declaration.secrets : []) {
        expect(secretNames, `${name}: ${secret}`).toContain(secret);
      }
    }
  });

  it('names each setting and secret once', () => {
    const names = [...Object.values(SETTINGS), ...Object.values(SECRETS)].map((entry) => entry.name);
    expect(names.length).toBe(new Set(names).size);
  });
});
