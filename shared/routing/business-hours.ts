import { DateTime } from 'luxon';
import type { Calendar } from './routing-config.ts';

/** Minutes from midnight of an `HH:mm` time. */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The length of one working day of the calendar, in hours: what "one business day" means for it. */
export function businessDayHours(calendar: Calendar): number {
  return (minutesOf(calendar.end) - minutesOf(calendar.start)) / 60;
}

/**
 * The moment `hours` of working time after `from`, in the calendar's own time zone and working
 * days: time outside working hours does not count, so a lead arriving on Friday evening is due on
 * Monday morning plus the hours. Daylight-saving changes are the zone's, as luxon applies them.
 */
export function addBusinessHours(from: string, hours: number, calendar: Calendar): string {
  const start = minutesOf(calendar.start);
  const end = minutesOf(calendar.end);
  let left = Math.round(hours * 60);
  let cursor = DateTime.fromISO(from, { zone: calendar.timeZone });
  // A year of days without one working day cannot happen with at least one weekday configured.
  for (let day = 0; day < 366; day += 1) {
    const midnight = cursor.startOf('day');
    if (calendar.days.includes(cursor.weekday)) {
      const opens = midnight.plus({ minutes: start });
      const closes = midnight.plus({ minutes: end });
      const from = DateTime.max(cursor, opens);
      if (from < closes) {
        const available = closes.diff(from, 'minutes').minutes;
        if (left <= available) return from.plus({ minutes: left }).toUTC().toISO() ?? from.toISO() ?? '';
        left -= available;
      }
    }
    cursor = midnight.plus({ days: 1 });
  }
  throw new Error('The calendar has no working hours.');
}
