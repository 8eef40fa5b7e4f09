import type { ContactProfile } from './contact.ts';

/** Longest search text kept per contact: names, address and company fit well within it. */
const MAX_SEARCH_TEXT = 400;

/**
 * Folds text for matching: lower case, accents removed (NFKD then no combining marks), runs of
 * spaces made one. "Équipe  Ventes" and "equipe ventes" fold alike, so a search typed without
 * accents finds the contact, and the same fold applied to the query makes `contains` a fair match.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What the contact list's text search looks into: the names, the address, the company and the job
 * title, folded. Stored with each score, so a search is a `contains` on one attribute of the index.
 */
export function contactSearchText(profile: ContactProfile): string {
  const parts = [profile.firstName, profile.lastName, profile.email, profile.company, profile.jobTitle];
  return foldForSearch(parts.filter((part) => part && part.trim() !== '').join(' ')).slice(
    0,
    MAX_SEARCH_TEXT,
  );
}
