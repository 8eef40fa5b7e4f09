import { DateTime } from 'luxon';

export interface QuietHours {
  /** `HH:MM`, local time; the window may span midnight (`20:00` → `08:00`). */
  readonly start: string;
  readonly end: string;
}

/** How far ahead a sendable moment is looked for before giving up on the set of zones. */
const HORIZON_DAYS = 2;

/**
 * The first moment at or after `at` that is outside quiet hours in every one of `zones`. A sendable
 * moment is either `at` itself or the end of quiet hours in one of the zones, so only those candidates
 * are tried. Undefined when no moment within two days suits every zone (a country spanning more hours
 * than the sending window); the caller then falls back to a single zone.
 */
export function nextSendableAt(at: Date, zones: readonly string[], quiet: QuietHours): Date | undefined {
  const [endHour, endMinute] = quiet.end.split(':').map(Number) as [number, number];
  const candidates = [at];
  for (const zone of new Set(zones)) {
    const local = DateTime.fromJSDate(at, { zone });
    for (let day = 0; day <= HORIZON_DAYS; day += 1) {
      const end = local
        .plus({ days: day })
        .set({ hour: endHour, minute: endMinute, second: 0, millisecond: 0 });
      if (end.toMillis() > at.getTime()) candidates.push(end.toJSDate());
    }
  }
  candidates.sort((a, b) => a.getTime() - b.getTime());
  return candidates.find((candidate) => [...zones].every((zone) => !isQuiet(candidate, zone, quiet)));
}

/** Whether it is quiet time at that moment in that zone. */
export function isQuiet(at: Date, zone: string, quiet: QuietHours): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

function minutesOf(time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}
