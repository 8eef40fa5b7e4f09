import { describe, expect, it } from 'vitest';
import { SortedLines } from '#shared/contact/sorted-lines.ts';

const sortedLinesInclude = (lines: string, value: string) => new SortedLines(lines).has(value);

const lines = ['aol.com', 'gmail.com', 'gmx.de', 'hotmail.fr', 'mail.ru', 'orange.fr', 'yahoo.com'].join(
  '\n',
);

describe('SortedLines', () => {
  it.each(['aol.com', 'gmail.com', 'gmx.de', 'hotmail.fr', 'mail.ru', 'orange.fr', 'yahoo.com'])(
    'finds %s, first, last and in between',
    (domain) => {
      expect(sortedLinesInclude(lines, domain)).toBe(true);
    },
  );

  it.each(['', 'a', 'gmail', 'gmail.co', 'gmail.com.', 'zzz.com', 'mail', 'ail.ru', 'orange.fr\nyahoo.com'])(
    'does not find %j (no partial, prefix or suffix match)',
    (value) => {
      expect(sortedLinesInclude(lines, value)).toBe(false);
    },
  );

  it('handles one line and none', () => {
    expect(sortedLinesInclude('gmail.com', 'gmail.com')).toBe(true);
    expect(sortedLinesInclude('', 'gmail.com')).toBe(false);
  });

  it('agrees with a Set over a large sorted list', () => {
    const domains = Array.from({ length: 5000 }, (_, n) => `d${(n * 7919) % 100000}.example`).sort();
    const joined = domains.join('\n');
    const set = new Set(domains);
    for (let n = 0; n < 2000; n += 1) {
      const probe = `d${n * 3}.example`;
      expect(sortedLinesInclude(joined, probe), probe).toBe(set.has(probe));
    }
  });
});
