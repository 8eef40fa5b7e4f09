import { describe, expect, it } from 'vitest';
import { domainListsFromPackages } from '#infra/email-lists/domain-lists.ts';
import generated from '#shared/contact/domain-lists.generated.json' with { type: 'json' };

describe('the generated domain lists', () => {
  it('match the maintained packages (run `npm run build:domain-lists` after updating them)', () => {
    const fresh = domainListsFromPackages();
    expect(generated.freeMail === fresh.freeMail, 'free-mail list is stale').toBe(true);
    expect(generated.disposable === fresh.disposable, 'disposable list is stale').toBe(true);
  });

  it('are sorted, so lookups can bisect them', () => {
    for (const list of [generated.freeMail, generated.disposable]) {
      const lines = list.split('\n');
      expect(lines.length).toBeGreaterThan(1000);
      expect(lines.every((line, n) => n === 0 || (lines[n - 1] as string) < line)).toBe(true);
    }
  });
});
