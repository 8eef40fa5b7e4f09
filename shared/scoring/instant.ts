const CANONICAL_LENGTH = 'YYYY-MM-DDTHH:mm:ss.sssZ'.length;
const ZERO = 48;

/**
 * Milliseconds since the epoch of an ISO 8601 timestamp, as `Date.parse` gives them. Timestamps in
 * leadflow are written by `toISOString()`, so the canonical `2026-03-01T09:30:00.000Z` shape is read
 * digit by digit, a few times faster than `Date.parse` (whose cost was a third of re-scoring a
 * contact); any other shape goes to `Date.parse`.
 */
export function instantOf(timestamp: string): number {
  if (
    timestamp.length !== CANONICAL_LENGTH ||
    timestamp.charCodeAt(4) !== 45 || // -
    timestamp.charCodeAt(7) !== 45 ||
    timestamp.charCodeAt(10) !== 84 || // T
    timestamp.charCodeAt(13) !== 58 || // :
    timestamp.charCodeAt(16) !== 58 ||
    timestamp.charCodeAt(19) !== 46 || // .
    timestamp.charCodeAt(23) !== 90 // Z
  ) {
    return Date.parse(timestamp);
  }
  const year = digits(timestamp, 0, 4);
  const month = digits(timestamp, 5, 2);
  const day = digits(timestamp, 8, 2);
  const hour = digits(timestamp, 11, 2);
  const minute = digits(timestamp, 14, 2);
  const second = digits(timestamp, 17, 2);
  const millisecond = digits(timestamp, 20, 3);
  // Anything that is not a plain valid instant goes to Date.parse: a non-digit, out-of-range fields
  // (month 13, 31 April), hour 24.
  if (
    Number.isNaN(millisecond + second + minute + hour + day + month + year) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    (day > 28 && day > daysIn(year, month)) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return Date.parse(timestamp);
  }
  return (
    daysSinceEpoch(year, month, day) * 86_400_000 +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    millisecond
  );
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, by integer arithmetic (Howard
 * Hinnant's days_from_civil): years counted from March, so the leap day ends a year.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by `length` decimal digits from `start`; NaN when one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}
