import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type { StageTransition } from '#shared/contact/contact-repository.ts';
import type { ImportStore } from '#shared/import/import-store.ts';
import type { ImportWrite, StoredForImport } from '#shared/import/plan-import-row.ts';
import { emptyNurtureState, type NurtureState } from '#shared/nurture/nurture-state.ts';

type StoredContact = Record<string, unknown> & Pick<Contact, 'version' | 'stage'>;

/**
 * A fake of the ImportStore port with the DynamoDB adapter's conditions (contact version, nurture
 * version, row seen once); the adapter itself is proven against DynamoDB Local in the integration tests.
 */
export class InMemoryImportStore implements ImportStore {
  readonly contacts = new Map<string, StoredContact>();
  readonly nurture = new Map<string, NurtureState>();
  readonly activities = new Map<string, Activity>();
  readonly transitions: StageTransition[] = [];
  readonly rows = new Set<string>();
  readonly erased = new Map<string, string>();
  writes = 0;
  /** Lets a test change the contact between a read and the write, as a concurrent writer would. */
  beforeWrite?: (write: ImportWrite) => void;

  async read(contactId: string, rowId: string): Promise<StoredForImport> {
    const contact = this.contacts.get(contactId);
    const erasedAt = this.erased.get(contactId);
    return {
      ...(contact
        ? {
            contact: structuredClone({
              version: contact.version,
              stage: contact.stage,
              consent: contact.consent as Contact['consent'],
            }),
          }
        : {}),
      nurture: structuredClone(this.nurture.get(contactId) ?? emptyNurtureState(contactId)),
      ...(erasedAt ? { erasedAt } : {}),
      rowSeen: this.rows.has(`${contactId}#${rowId}`),
    };
  }

  async write(write: ImportWrite): Promise<'saved' | 'conflict'> {
    this.beforeWrite?.(write);
    const { contactId } = write;
    const stored = this.contacts.get(contactId);
    if (
      write.expectedVersion === undefined ? stored !== undefined : stored?.version !== write.expectedVersion
    ) {
      return 'conflict';
    }
    if (this.rows.has(`${contactId}#${write.rowId}`)) return 'conflict';
    const nurtureVersion = this.nurture.get(contactId)?.version ?? 0;
    if (write.nurture && write.nurture.expectedVersion !== nurtureVersion) return 'conflict';
    const profile = Object.fromEntries(
      Object.entries(write.contact.profile).filter(([, value]) => value !== undefined),
    );
    this.contacts.set(contactId, {
      ...stored,
      contactId,
      email: write.contact.email,
      ...profile,
      ...(write.contact.consent ? { consent: write.contact.consent } : {}),
      ...(stored?.firstTouch || !write.contact.firstTouch ? {} : { firstTouch: write.contact.firstTouch }),
      ...(write.contact.importedAt ? { importedAt: write.contact.importedAt } : {}),
      stage: write.contact.stage ?? stored?.stage ?? 'lead',
      version: (stored?.version ?? 0) + 1,
    });
    for (const activity of write.activities)
      this.activities.set(`${contactId}#${activity.activityId}`, activity);
    if (write.transition) this.transitions.push(write.transition);
    if (write.nurture) this.nurture.set(contactId, { ...write.nurture.state, version: nurtureVersion + 1 });
    this.rows.add(`${contactId}#${write.rowId}`);
    this.writes += 1;
    return 'saved';
  }
}
