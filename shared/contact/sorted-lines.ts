/**
 * A sorted, newline-separated list held as one string, searched by bisection. The free-mail and
 * disposable domain lists hold 150,000 names: as one string plus an index of line starts they load in
 * a few milliseconds, where a Set of them costs tens of milliseconds at every cold start. Lines are
 * compared in place in the order of `<` on strings (UTF-16 code units), the order `Array#sort` wrote.
 */
export class SortedLines {
  private readonly text: string;
  /** Where each line starts, plus one past the end, so line i is text[starts[i], starts[i + 1] - 1). */
  private readonly starts: Uint32Array;

  constructor(text: string) {
    this.text = text;
    let count = text.length === 0 ? 0 : 1;
    for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) count += 1;
    this.starts = new Uint32Array(count + 1);
    let line = 1;
    for (let index = 0; index < text.length; index += 1) {
      if (text.charCodeAt(index) === 10) this.starts[line++] = index + 1;
    }
    this.starts[count] = text.length + 1;
  }

  has(value: string): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = this.compareLine(middle, value);
      if (order === 0) return true;
      if (order < 0) low = middle + 1;
      else high = middle;
    }
    return false;
  }

  /** Negative when line `line` sorts before `value`, positive after, 0 when equal. */
  private compareLine(line: number, value: string): number {
    const start = this.starts[line] as number;
    const length = (this.starts[line + 1] as number) - 1 - start;
    const shared = Math.min(length, value.length);
    for (let index = 0; index < shared; index += 1) {
      const difference = this.text.charCodeAt(start + index) - value.charCodeAt(index);
      if (difference !== 0) return difference;
    }
    return length - value.length;
  }
}
