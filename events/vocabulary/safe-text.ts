import * as z from 'zod/mini';

/** No control characters (CR/LF included): a name must never smuggle a header or a log line. */
const CONTROL_CHARACTERS = /\p{Cc}/u;
/** Control characters other than line breaks and tabs, which a multi-line answer may hold. */
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /(?![\n\r\t])\p{Cc}/u;

/**
 * One-line text from outside (a form field, an event): trimmed, bounded, and free of control
 * characters. Every edge that takes profile data uses it, so the same rules hold for all sources.
 */
export const safeText = (maxLength: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(maxLength),
    z.refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters'),
  );

/** Free text that may span lines (an answer, a note) but carries no other control characters. */
export const multilineText = (maxLength: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(maxLength),
    z.refine(
      (value) => !CONTROL_CHARACTERS_BUT_LINE_BREAKS.test(value),
      'must not contain control characters',
    ),
  );
