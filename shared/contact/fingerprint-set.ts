import { endianness } from 'node:os';

/**
 * A 53-bit fingerprint of a string: the cyrb53 hash (two 32-bit multiply-xor lanes, public domain,
 * by bryc). 53 bits fit a double exactly, so fingerprints sort and compare as plain numbers. Among
 * 100,000 fingerprints, another string shares one with probability about 1 in 10^11.
 */
export function fingerprint(value: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The sorted, distinct fingerprints of `values`: the content of a fingerprint file. */
export function fingerprintsOf(values: Iterable<string>): Float64Array {
  return Float64Array.from(new Set(Array.from(values, fingerprint))).sort();
}

/**
 * Membership in a large list (150,000 free-mail and disposable domains) held as its sorted
 * fingerprints: a file of little-endian doubles is used as it is read, with no parsing and no
 * collection to build, and a lookup is one hash and a bisection.
 */
export class FingerprintSet {
  private readonly sorted: Float64Array;

  constructor(sorted: Float64Array) {
    this.sorted = sorted;
  }

  /** A fingerprint file as `fingerprintsOf` wrote it. */
  static fromBytes(bytes: Uint8Array): FingerprintSet {
    if (endianness() !== 'LE') throw new Error('Fingerprint files are little-endian; this machine is not.');
    if (bytes.byteLength % Float64Array.BYTES_PER_ELEMENT !== 0) {
      throw new Error('A fingerprint file holds whole 8-byte numbers; this one is truncated.');
    }
    // A typed array view needs an 8-byte aligned offset; copy in the rare case it is not.
    const aligned = bytes.byteOffset % Float64Array.BYTES_PER_ELEMENT === 0 ? bytes : bytes.slice();
    return new FingerprintSet(
      new Float64Array(
        aligned.buffer,
        aligned.byteOffset,
        aligned.byteLength / Float64Array.BYTES_PER_ELEMENT,
      ),
    );
  }

  get size(): number {
    return this.sorted.length;
  }

  has(value: string): boolean {
    const wanted = fingerprint(value);
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = this.sorted[middle] as number;
      if (found === wanted) return true;
      if (found < wanted) low = middle + 1;
      else high = middle;
    }
    return false;
  }
}
