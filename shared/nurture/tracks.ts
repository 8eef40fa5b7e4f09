import type { Contact } from '#shared/contact/contact.ts';
import type { NurtureConfig, NurtureTrack } from './nurture-config.ts';

/** The first configured track whose entry matches the contact's strongest interest and stage. */
export function matchTrack(
  contact: Pick<Contact, 'interest' | 'stage'>,
  config: Pick<NurtureConfig, 'tracks'>,
): NurtureTrack | undefined {
  const { interest } = contact;
  if (!interest) return undefined;
  return config.tracks.find(
    (track) => track.entry?.interests.includes(interest) && track.entry.stages.includes(contact.stage),
  );
}

export function trackNamed(
  config: Pick<NurtureConfig, 'tracks'>,
  name: string | undefined,
): NurtureTrack | undefined {
  return name === undefined ? undefined : config.tracks.find((track) => track.name === name);
}

/** Tracks are listed strongest first; a contact only ever moves to a stronger one. */
export function isStronger(
  config: Pick<NurtureConfig, 'tracks'>,
  candidate: string,
  current: string,
): boolean {
  const rank = (name: string) => config.tracks.findIndex((track) => track.name === name);
  return rank(current) === -1 || rank(candidate) < rank(current);
}
