import type { Contact } from '#shared/contact/contact.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { localeFor } from '../contact-locale.ts';
import type { EmailLocale } from '../email-locale.ts';
import type { NurtureConfig } from '../nurture-config.ts';
import { type NurtureState, type SuppressionReason, suppress } from '../nurture-state.ts';
import { type NurtureStore, updateNurtureState } from '../nurture-store.ts';
import { type EmailActivityDeps, recordEmailActivity } from '../record-email-activity.ts';

export interface ManageSubscriptionDeps extends EmailActivityDeps {
  readonly store: NurtureStore;
  readonly clock: Clock;
  readonly config: NurtureConfig;
}

/** What the preference page shows: the person's topics, and whether mail is stopped and why. */
export interface PreferencesView {
  readonly locale: EmailLocale;
  readonly suppressed?: SuppressionReason;
  readonly topics: readonly { readonly id: string; readonly label: string; readonly subscribed: boolean }[];
}

export class UnknownContactError extends Error {
  override name = 'UnknownContactError';
}

async function contactOf(contactId: string, deps: ManageSubscriptionDeps): Promise<Contact> {
  const loaded = await deps.contacts.load(contactId);
  if (!loaded) throw new UnknownContactError(`Contact ${contactId} does not exist.`);
  return loaded.contact;
}

export async function preferencesOf(
  contactId: string,
  deps: ManageSubscriptionDeps,
): Promise<PreferencesView> {
  const contact = await contactOf(contactId, deps);
  return viewOf(contact, await deps.store.load(contactId), deps.config);
}

/**
 * Unsubscribes from everything, at once: the address is suppressed, the track stops and nothing due
 * is sent (the sender checks suppression before every email). Recorded as an `unsubscribed` activity
 * the first time, so the score reflects it; repeating it (a mail client's one-click retry) is harmless.
 */
export async function unsubscribe(
  contactId: string,
  deps: ManageSubscriptionDeps,
): Promise<{ readonly outcome: 'unsubscribed' | 'already-unsubscribed'; readonly locale: EmailLocale }> {
  const contact = await contactOf(contactId, deps);
  const at = deps.clock().toISOString();
  const written = await updateNurtureState(deps.store, contactId, (state) =>
    state.suppression ? undefined : suppress(state, 'unsubscribed', at),
  );
  const locale = localeFor(contact, deps.config);
  if (!written) return { outcome: 'already-unsubscribed', locale };
  await recordEmailActivity(contact, 'unsubscribed', at, ['unsubscribed', contactId, at], {
    ...deps,
    now: deps.clock(),
    source: 'preferences',
  });
  return { outcome: 'unsubscribed', locale };
}

/**
 * Saves the topics the person keeps. Choosing topics on this page (reached from a link only their
 * mailbox received) also takes back an earlier unsubscribe and confirms a pending double opt-in;
 * a hard bounce or a complaint is never lifted this way.
 */
export async function savePreferences(
  contactId: string,
  keepTopics: readonly string[],
  deps: ManageSubscriptionDeps,
): Promise<PreferencesView> {
  const contact = await contactOf(contactId, deps);
  if (keepTopics.length === 0) {
    await unsubscribe(contactId, deps);
    return preferencesOf(contactId, deps);
  }
  const now = deps.clock();
  const at = now.toISOString();
  const known = deps.config.topics.map((topic) => topic.id);
  const written = await updateNurtureState(deps.store, contactId, (state) => {
    if (state.suppression && state.suppression.reason !== 'unsubscribed') return undefined;
    const resumed = state.suppression !== undefined || state.stopReason === 'topic-unsubscribed';
    return {
      ...state,
      unsubscribedTopics: known.filter((topic) => !keepTopics.includes(topic)),
      suppression: undefined,
      optIn:
        state.optIn?.status === 'pending'
          ? { ...state.optIn, status: 'confirmed', confirmedAt: at }
          : state.optIn,
      ...(resumed && state.track && state.status === 'stopped'
        ? { status: 'active', stopReason: undefined, dueAt: at }
        : {}),
    };
  });
  return viewOf(contact, written?.after ?? (await deps.store.load(contactId)), deps.config);
}

function viewOf(contact: Contact, state: NurtureState, config: NurtureConfig): PreferencesView {
  const locale = localeFor(contact, config);
  return {
    locale,
    suppressed: state.suppression?.reason,
    topics: config.topics.map((topic) => ({
      id: topic.id,
      label: topic.label[locale] ?? topic.label[config.locales.default] ?? topic.id,
      subscribed: !state.suppression && !state.unsubscribedTopics.includes(topic.id),
    })),
  };
}
