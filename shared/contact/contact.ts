import type { Touch } from '#shared/activity/activity.ts';
import type { FormType } from '#shared/activity/activity-type.ts';
import type { Score } from '#shared/scoring/score.ts';
import type { Stage } from './stage.ts';

/** Free-text answers of a detailed form or a sales conversation; a non-empty answer counts as known. */
export interface QualificationAnswers {
  readonly budget?: string;
  readonly authority?: string;
  readonly need?: string;
  readonly timeline?: string;
}

export const LEGAL_BASES = ['consent', 'legitimate-interest'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Consent as the form stated it, recorded with when and through which source. */
export interface Consent {
  readonly granted: boolean;
  readonly purpose?: string;
  readonly legalBasis: LegalBasis;
  readonly recordedAt: string;
  readonly source: string;
}

export interface ContactProfile {
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  readonly phone?: string;
  readonly country?: string;
}

/** A qualification hand-off to sales; its id is the idempotency key of "Prospect Qualified". */
export interface Qualification {
  readonly qualificationId: string;
  readonly qualifiedAt: string;
  readonly by: { readonly kind: 'auto' } | { readonly kind: 'person'; readonly id: string };
}

export interface Contact extends ContactProfile {
  readonly contactId: string;
  readonly answers: QualificationAnswers;
  readonly consent?: Consent;
  readonly firstTouch?: Touch;
  readonly lastTouch?: Touch;
  /** The strongest form interest shown so far, which picks the nurture track. */
  readonly interest?: FormType;
  readonly stage: Stage;
  readonly score?: Score;
  readonly qualification?: Qualification;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic-locking counter: every write that reads first checks it. */
  readonly version: number;
}
