import type { ColumnMapping } from './column-mapping.ts';
import { foldHeader } from './column-mapping.ts';

/**
 * leadflow's own columns (snake_case, as docs/import-export.md lists them) and the spellings
 * spreadsheets usually have; any file with an email column can be read with it.
 */
export const LEADFLOW_MAPPING: ColumnMapping = {
  name: 'leadflow',
  description: "leadflow's own columns, or a spreadsheet with usual headers",
  columns: {
    email: ['email', 'email address', 'e-mail', 'mail', 'courriel', 'adresse e-mail'],
    firstName: ['first_name', 'first name', 'given name', 'firstname', 'prénom'],
    lastName: ['last_name', 'last name', 'surname', 'family name', 'nom'],
    company: ['company', 'company name', 'organization', 'organisation', 'société', 'entreprise'],
    jobTitle: ['job_title', 'job title', 'title', 'position', 'poste', 'fonction'],
    phone: ['phone', 'phone number', 'telephone', 'téléphone'],
    country: ['country', 'country/region', 'pays'],
    companySize: ['company_size', 'employees', 'number of employees', 'company size'],
    industry: ['industry', 'sector', 'secteur'],
    consent: ['consent', 'opted in', 'marketing consent'],
    consentDate: ['consent_date', 'consent date', 'opt-in date', 'optin date'],
    legalBasis: ['legal_basis', 'legal basis'],
    consentSource: ['consent_source', 'consent source'],
    stage: ['stage', 'lifecycle stage'],
    unsubscribed: ['unsubscribed'],
    unsubscribedAt: ['unsubscribed_at', 'unsubscribed at', 'unsubscribe date'],
    bouncedAt: ['bounced_at', 'bounced at', 'bounce date'],
    complainedAt: ['complained_at', 'complained at', 'complaint date'],
    suppression: ['suppression', 'suppression status', 'email status'],
    utmSource: ['utm_source', 'source', 'lead source'],
    utmMedium: ['utm_medium', 'medium'],
    utmCampaign: ['utm_campaign', 'campaign'],
    firstSeenAt: ['first_seen_at', 'created', 'created at', 'create date', 'date added'],
  },
  activities: {},
  defaults: {},
  stages: {},
  legalBases: {},
};

/**
 * HubSpot's contact export (Contacts › Export, "all properties" or the default view): property
 * labels as headers, lifecycle stages as labels, GDPR legal basis as its option labels.
 */
export const HUBSPOT_MAPPING: ColumnMapping = {
  name: 'hubspot',
  description: 'HubSpot contacts export',
  columns: {
    email: ['Email'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    company: ['Company Name'],
    jobTitle: ['Job Title'],
    phone: ['Phone Number', 'Mobile Phone Number'],
    country: ['Country/Region', 'Country'],
    companySize: ['Number of Employees', 'Company size'],
    industry: ['Industry'],
    legalBasis: ["Legal basis for processing contact's data"],
    consentDate: ['Became a Subscriber Date', 'Create Date'],
    stage: ['Lifecycle Stage'],
    unsubscribed: ['Unsubscribed from all email'],
    utmSource: ['Original Traffic Source', 'Original Source'],
    utmCampaign: ['First Page Seen'],
    firstSeenAt: ['Create Date'],
  },
  activities: { 'Became a Subscriber Date': 'newsletter_signup' },
  defaults: { consentSource: 'hubspot' },
  stages: {
    subscriber: 'lead',
    lead: 'lead',
    marketingqualifiedlead: 'lead',
    salesqualifiedlead: 'lead',
    opportunity: 'lead',
    customer: 'customer',
    evangelist: 'customer',
    other: 'lead',
  },
  legalBases: {
    freelygivenconsentfromcontact: 'consent',
    legitimateinterestprospectlead: 'legitimate-interest',
    legitimateinterestexistingcustomer: 'legitimate-interest',
    legitimateinterestother: 'legitimate-interest',
    performanceofacontract: 'legitimate-interest',
  },
};

/**
 * Mailchimp's audience export: a ZIP of three CSVs (subscribed, unsubscribed, cleaned) sharing the
 * merge-field headers; everyone in it signed up (OPTIN_TIME) and confirmed (CONFIRM_TIME), the
 * unsubscribed file adds UNSUB_TIME and the cleaned one (hard bounces) CLEAN_TIME.
 */
export const MAILCHIMP_MAPPING: ColumnMapping = {
  name: 'mailchimp',
  description: 'Mailchimp audience export (subscribed, unsubscribed or cleaned file)',
  columns: {
    email: ['Email Address'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    company: ['Company'],
    phone: ['Phone Number'],
    country: ['CC', 'Country'],
    consentDate: ['CONFIRM_TIME', 'OPTIN_TIME'],
    unsubscribedAt: ['UNSUB_TIME'],
    bouncedAt: ['CLEAN_TIME'],
    firstSeenAt: ['OPTIN_TIME'],
  },
  activities: { OPTIN_TIME: 'newsletter_signup' },
  defaults: { consent: 'yes', legalBasis: 'consent', consentSource: 'mailchimp', utmSource: 'mailchimp' },
  stages: {},
  legalBases: {},
};

/** Mautic's contact export (Contacts › Export to CSV): field aliases as headers. */
export const MAUTIC_MAPPING: ColumnMapping = {
  name: 'mautic',
  description: 'Mautic contacts export',
  columns: {
    email: ['email'],
    firstName: ['firstname'],
    lastName: ['lastname'],
    company: ['company'],
    jobTitle: ['position'],
    phone: ['phone', 'mobile'],
    country: ['country'],
    stage: ['stage'],
    unsubscribed: ['dnc', 'do not contact'],
    utmSource: ['attribution'],
    firstSeenAt: ['date_added'],
  },
  activities: {},
  defaults: { consentSource: 'mautic' },
  stages: { customer: 'customer', customers: 'customer', lost: 'disqualified', disqualified: 'disqualified' },
  legalBases: {},
};

/**
 * Salesforce's Data Export (Lead.csv or Contact.csv): API field names as headers; a converted lead
 * became a customer's contact, a closed unconverted one was disqualified.
 */
export const SALESFORCE_MAPPING: ColumnMapping = {
  name: 'salesforce',
  description: 'Salesforce data export (Lead.csv or Contact.csv)',
  columns: {
    email: ['Email'],
    firstName: ['FirstName'],
    lastName: ['LastName'],
    company: ['Company'],
    jobTitle: ['Title'],
    phone: ['Phone', 'MobilePhone'],
    country: ['Country', 'MailingCountry'],
    companySize: ['NumberOfEmployees'],
    industry: ['Industry'],
    stage: ['Status'],
    unsubscribed: ['HasOptedOutOfEmail'],
    bouncedAt: ['EmailBouncedDate'],
    utmSource: ['LeadSource'],
    firstSeenAt: ['CreatedDate'],
  },
  activities: { LastActivityDate: 'sales_interaction' },
  defaults: { consentSource: 'salesforce' },
  stages: {
    open: 'lead',
    opennotcontacted: 'lead',
    workingcontacted: 'lead',
    working: 'lead',
    nurturing: 'lead',
    closedconverted: 'customer',
    converted: 'customer',
    closednotconverted: 'disqualified',
    unqualified: 'disqualified',
  },
  legalBases: {},
};

export const PRESETS: readonly ColumnMapping[] = [
  LEADFLOW_MAPPING,
  HUBSPOT_MAPPING,
  MAILCHIMP_MAPPING,
  MAUTIC_MAPPING,
  SALESFORCE_MAPPING,
];

export function presetNamed(name: string): ColumnMapping | undefined {
  return PRESETS.find((preset) => preset.name === name);
}

/** Headers only one tool writes, which tell its export from a spreadsheet. */
const SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  hubspot: ['Record ID', 'Lifecycle Stage'],
  mailchimp: ['MEMBER_RATING', 'OPTIN_TIME', 'LEID'],
  mautic: ['date_added', 'last_active', 'points'],
  salesforce: ['HasOptedOutOfEmail', 'IsDeleted', 'LeadSource'],
};

/** The preset whose tool wrote these headers (two of its signature headers present), else leadflow's. */
export function detectPreset(headers: readonly string[]): ColumnMapping {
  const folded = new Set(headers.map(foldHeader));
  for (const preset of PRESETS) {
    const signature = SIGNATURES[preset.name] ?? [];
    if (signature.filter((header) => folded.has(foldHeader(header))).length >= 2) return preset;
  }
  return LEADFLOW_MAPPING;
}
