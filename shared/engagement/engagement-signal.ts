import type { ActivityType } from '#events/vocabulary/activity-type.ts';
import type { Touch } from '#shared/activity/activity.ts';
import type { ContactProfile, QualificationAnswers } from '#shared/contact/contact.ts';

/**
 * An engagement signal that is not a form, reduced to what recording needs, whatever tool sent it.
 * Recording is the same as for forms: one activity per `signalId`, then the scorer runs.
 */
export interface EngagementSignal {
  readonly type: ActivityType;
  /** Where it happened: `webinar`, `website`, `calendar`, `crm`. */
  readonly channel: string;
  /** The tool that reported it: `zoom`, `calendly`, `hubspot`, `beacon`… */
  readonly source: string;
  /** The tool's own id of the signal, the idempotency key. */
  readonly signalId: string;
  readonly occurredAt: string;
  /** Who it is about: an address from an outside tool, or the contact id from a visitor token. */
  readonly who: { readonly email: string } | { readonly contactId: string };
  /** Page visits only count for contacts leadflow already knows; the others are dropped unseen. */
  readonly knownContactOnly: boolean;
  readonly profile?: Omit<ContactProfile, 'email'>;
  readonly answers?: QualificationAnswers;
  readonly touch?: Omit<Touch, 'at'>;
}
