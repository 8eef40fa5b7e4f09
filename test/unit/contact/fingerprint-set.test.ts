import { describe, expect, it } from 'vitest';
import { FingerprintSet, fingerprint, fingerprintsOf } from '#shared/contact/fingerprint-set.ts';

const domains = ['aol.com', 'gmail.com', 'gmx.de', 'hotmail.fr', 'mail.ru', 'orange.fr', 'yahoo.com'];
const set = new FingerprintSet(fingerprintsOf(domains));

describe('FingerprintSet', () => {
  it.each(domains)('finds %s', (domain) => {
    expect(set.has(domain)).toBe(true);
  });

  it.each(['', 'a', 'gmail', 'gmail.co', 'gmail.com.', 'zzz.com', 'ail.ru', 'Gmail.com'])(
    'does not find %j (no partial, prefix, suffix or case-folded match)',
    (value) => {
      expect(set.has(value)).toBe(false);
    },
  );

  it('handles one value and none', () => {
    expect(new FingerprintSet(fingerprintsOf(['gmail.com'])).has('gmail.com')).toBe(true);
    expect(new FingerprintSet(fingerprintsOf([])).has('gmail.com')).toBe(false);
  });

  it('agrees with a Set over a large list', () => {
    const many = Array.from({ length: 20_000 }, (_, n) => `d${(n * 7919) % 100_000}.example`);
    const large = new FingerprintSet(fingerprintsOf(many));
    const reference = new Set(many);
    for (let n = 0; n < 5000; n += 1) {
      const probe = `d${n * 3}.example`;
      expect(large.has(probe), probe).toBe(reference.has(probe));
    }
  });

  it('stores sorted, distinct 53-bit fingerprints', () => {
    const sorted = fingerprintsOf([...domains, 'gmail.com']);
    expect(sorted.length).toBe(domains.length);
    expect([...sorted].every((value, n) => n === 0 || (sorted[n - 1] as number) < value)).toBe(true);
    expect([...sorted].every((value) => Number.isSafeInteger(value) && value >= 0)).toBe(true);
    expect(fingerprint('gmail.com')).toBe(fingerprint('gmail.com'));
    expect(fingerprint('gmail.com')).not.toBe(fingerprint('gmail.con'));
  });

  it('reads the bytes a file holds, at any offset', () => {
    const bytes = new Uint8Array(fingerprintsOf(domains).buffer);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(FingerprintSet.fromBytes(shifted.subarray(3)).has('orange.fr')).toBe(true);
    expect(() => FingerprintSet.fromBytes(bytes.subarray(0, 12))).toThrow(/truncated/);
  });
});
