import type { FormType } from '#shared/activity/activity-type.ts';

export interface NurtureStep {
  readonly template: string;
  /** Days after the previous step (the first step goes out when the lead enters the track). */
  readonly delayDays: number;
}

export interface NurtureTrack {
  readonly name: string;
  readonly steps: readonly NurtureStep[];
}

const track = (name: string, ...steps: NurtureStep[]): NurtureTrack => ({ name, steps });

/** One track per interest; the scheduled sender of later steps reads the same definitions. */
const TRACK_BY_INTEREST: Readonly<Partial<Record<FormType, NurtureTrack>>> = {
  newsletter: track('newsletter-welcome', { template: 'newsletter-welcome', delayDays: 0 }),
  whitepaper: track('whitepaper-follow-up', { template: 'whitepaper-follow-up', delayDays: 0 }),
  webinar: track('webinar-follow-up', { template: 'webinar-follow-up', delayDays: 0 }),
};

const GENERAL_TRACK = track('general-welcome', { template: 'general-welcome', delayDays: 0 });

/** The track matched to what the lead showed interest in, or a general welcome. */
export function trackFor(interest: FormType | undefined): NurtureTrack {
  return (interest && TRACK_BY_INTEREST[interest]) || GENERAL_TRACK;
}
