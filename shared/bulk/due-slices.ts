/**
 * Segment i of n of the due range: equal slices of time from the oldest due entry to `dueBy`, each
 * from just after the previous one's end (due times are ISO instants to the millisecond), and the
 * first one open towards the past.
 */
export function dueSlice(
  segment: number,
  segments: number,
  from: string,
  dueBy: string,
): { from?: string; to: string } {
  const start = Date.parse(from);
  const span = Math.max(0, Date.parse(dueBy) - start);
  const end = (index: number) =>
    index === segments - 1 ? Date.parse(dueBy) : start + Math.floor((span * (index + 1)) / segments);
  const to = new Date(end(segment)).toISOString();
  if (segment === 0) return { to };
  return { from: new Date(end(segment - 1) + 1).toISOString(), to };
}
