import type { FormType } from '#events/vocabulary/activity-type.ts';
import type { Activity } from './activity.ts';

/** From weakest to strongest: a demo request says more about intent than a newsletter signup. */
const INTEREST_STRENGTH: readonly FormType[] = [
  'newsletter',
  'whitepaper',
  'webinar',
  'contact',
  'detailed',
  'quote',
  'demo',
];

/** The strongest form interest a contact has shown; it picks the nurture track. */
export function strongestInterest(activities: readonly Pick<Activity, 'formType'>[]): FormType | undefined {
  let strongest: FormType | undefined;
  for (const { formType } of activities) {
    if (
      formType &&
      (!strongest || INTEREST_STRENGTH.indexOf(formType) > INTEREST_STRENGTH.indexOf(strongest))
    ) {
      strongest = formType;
    }
  }
  return strongest;
}
