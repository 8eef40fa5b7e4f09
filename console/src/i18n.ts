import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';

export const LANGUAGES = { en: 'English', fr: 'Français' } as const;
export type Language = keyof typeof LANGUAGES;
export type MessageKey = keyof typeof en;

const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, fr };
const STORAGE_KEY = 'leadflow.language';

/** The remembered choice, else the browser's first language we have, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  const preferred = (navigator.languages ?? [navigator.language]).map((tag) => tag.slice(0, 2).toLowerCase());
  return (preferred.find((tag) => tag === 'en' || tag === 'fr') as Language | undefined) ?? 'en';
}

let current: Language = initialLanguage();

export function language(): Language {
  return current;
}

/** Switches the language, remembers it for the next visit, and tells assistive technology. */
export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** A message in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  // An activity type added later, not yet translated, still shows: in English, or as its name.
  const template: string = CATALOGS[current][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

const locale = () => (current === 'fr' ? 'fr-FR' : 'en-GB');

export const format = {
  number: (value: number) => new Intl.NumberFormat(locale()).format(value),
  signed: (value: number) => new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero' }).format(value),
  percent: (value: number | null) =>
    value === null
      ? '—'
      : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value),
  /** "29 Aug": axis ticks, where the year is in the title. */
  shortDate: (iso: string) =>
    new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(iso),
    ),
  month: (iso: string) =>
    new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(iso),
    ),
  date: (iso: string) =>
    new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
  dateTime: (iso: string) =>
    new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  /** "3 days ago", "in 2 hours". */
  relative: (iso: string, now = Date.now()) => {
    const seconds = (Date.parse(iso) - now) / 1000;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    const formatter = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return formatter.format(Math.round(seconds / size), unit);
    }
    return formatter.format(0, 'minute');
  },
  /** A duration given in hours, in the largest sensible unit: "36 h", "4.5 days". */
  hours: (hours: number | null) => {
    if (hours === null) return '—';
    const unit =
      hours >= 48
        ? { value: hours / 24, unit: 'day' }
        : hours >= 1
          ? { value: hours, unit: 'hour' }
          : { value: Math.max(1, hours * 60), unit: 'minute' };
    return new Intl.NumberFormat(locale(), {
      style: 'unit',
      unit: unit.unit,
      unitDisplay: 'long',
      maximumFractionDigits: 1,
    }).format(unit.value);
  },
};
