/**
 * Time to qualify is kept as a histogram per day, so a median over any period is a sum of small
 * items (bounded reads) instead of a list of every qualification. Buckets grow by 25 % from a
 * quarter of an hour to past a year, so the median is known within 12.5 % of its value.
 */
const FIRST_BUCKET_HOURS = 0.25;
const GROWTH = 1.25;
/** Bucket `i` holds times up to FIRST_BUCKET_HOURS × GROWTH^i; the last one holds everything longer. */
export const BUCKET_COUNT = 50;

export function bucketUpperHours(index: number): number {
  return index >= BUCKET_COUNT - 1 ? Number.POSITIVE_INFINITY : FIRST_BUCKET_HOURS * GROWTH ** index;
}

export function bucketOf(hours: number): number {
  if (!(hours > FIRST_BUCKET_HOURS)) return 0;
  const index = Math.ceil(Math.log(hours / FIRST_BUCKET_HOURS) / Math.log(GROWTH) - 1e-9);
  return Math.min(index, BUCKET_COUNT - 1);
}

/**
 * The median of a histogram, interpolated within the bucket that holds it (times are taken as
 * spread evenly in a bucket); undefined when it is empty. Past the last bound, the bound is given.
 */
export function medianHours(histogram: Readonly<Record<number, number>>): number | undefined {
  const total = Object.values(histogram).reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefined;
  const half = total / 2;
  let below = 0;
  for (let index = 0; index < BUCKET_COUNT; index += 1) {
    const count = histogram[index] ?? 0;
    if (count === 0) continue;
    if (below + count >= half) {
      const lower = index === 0 ? 0 : bucketUpperHours(index - 1);
      const upper = bucketUpperHours(index);
      if (!Number.isFinite(upper)) return lower;
      return lower + ((half - below) / count) * (upper - lower);
    }
    below += count;
  }
  return undefined;
}
