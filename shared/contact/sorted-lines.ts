/**
 * Membership in a sorted, newline-separated list held as one string, by binary search on line
 * boundaries. The free-mail and disposable domain lists hold 150,000 names; kept as one string they
 * load in a few milliseconds, where an array or a Set of them costs tens of milliseconds at every
 * cold start, and a lookup is still O(log n).
 */
export function sortedLinesInclude(lines: string, value: string): boolean {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = lines.lastIndexOf('\n', middle - 1) + 1;
    const newline = lines.indexOf('\n', start);
    const end = newline === -1 ? lines.length : newline;
    const line = lines.slice(start, end);
    if (line === value) return true;
    if (line < value) low = end + 1;
    else high = start;
  }
  return false;
}
