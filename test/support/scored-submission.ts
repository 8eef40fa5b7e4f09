import type { FormSubmission } from '#shared/intake/form-submission.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { type RescoreDeps, rescoreContact } from '#shared/scoring/rescore-contact.ts';

/** Records one signed generic form submission and scores its contact, as intake and the scorer do. */
export async function submitAndScore(
  submission: Partial<FormSubmission> & Pick<FormSubmission, 'email' | 'formType'>,
  deps: RescoreDeps,
  deliveryId = `${submission.email}-${submission.formType}`,
): Promise<string> {
  const { contactId } = await recordFormSubmission(
    { source: 'generic', deliveryId, email: submission.email, submission: submission as FormSubmission },
    deps,
  );
  await rescoreContact(contactId, deps);
  return contactId;
}
