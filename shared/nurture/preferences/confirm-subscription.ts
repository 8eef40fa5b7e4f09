import { localeFor } from '../contact-locale.ts';
import type { EmailLocale } from '../email-locale.ts';
import { updateNurtureState } from '../nurture-store.ts';
import { type ManageSubscriptionDeps, UnknownContactError } from './manage-subscription.ts';

export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'suppressed';

/**
 * The person clicked the link of the confirmation email: consent is now proven from the mailbox, so
 * the track that waited for it is due at once (the welcome goes out on the sender's next run). The
 * time is kept as the proof of the opt-in.
 */
export async function confirmSubscription(
  contactId: string,
  deps: ManageSubscriptionDeps,
): Promise<{ readonly outcome: ConfirmOutcome; readonly locale: EmailLocale }> {
  const loaded = await deps.contacts.load(contactId);
  if (!loaded) throw new UnknownContactError(`Contact ${contactId} does not exist.`);
  const locale = localeFor(loaded.contact, deps.config);
  const at = deps.clock().toISOString();
  let outcome: ConfirmOutcome = 'confirmed';
  await updateNurtureState(deps.store, contactId, (state) => {
    // An unsubscribe made after this link was sent wins over it: only a new signup asks again.
    if (state.suppression) {
      outcome = 'suppressed';
      return undefined;
    }
    if (state.optIn?.status === 'confirmed') {
      outcome = 'already-confirmed';
      return undefined;
    }
    outcome = 'confirmed';
    return {
      ...state,
      optIn: {
        requestedAt: state.optIn?.requestedAt ?? at,
        ...state.optIn,
        status: 'confirmed',
        confirmedAt: at,
      },
      dueAt: state.status === 'completed' ? undefined : at,
    };
  });
  return { outcome, locale };
}
