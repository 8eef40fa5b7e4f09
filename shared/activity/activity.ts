import type { ActivityType, FormType } from '#events/vocabulary/activity-type.ts';

/** UTM parameters and referrer of one touch; first touch is kept, last touch is updated. */
export interface Touch {
  readonly utmSource?: string;
  readonly utmMedium?: string;
  readonly utmCampaign?: string;
  readonly utmTerm?: string;
  readonly utmContent?: string;
  readonly referrer?: string;
  readonly at: string;
}

/** Something a contact did, as recorded once (deliveries of the same submission share one id). */
export interface Activity {
  readonly activityId: string;
  readonly contactId: string;
  readonly type: ActivityType;
  /** Where the signal came from: `web-form`, later `webinar`, `website`, `email`, `crm`… */
  readonly channel: string;
  /** Which integration delivered it: `generic`, later `typeform`, `tally`… */
  readonly source: string;
  readonly formType?: FormType;
  /** For `page_visited`: the page's URL or path, and its category when the sender knows it. */
  readonly page?: string;
  /** `pricing`, `demo`, `careers`…: scored by the model's page categories. */
  readonly pageCategory?: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}
