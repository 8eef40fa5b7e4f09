import type { ActivityType } from '#events/vocabulary/activity-type.ts';
import type { AnswerKey } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { EmailLocale } from '#shared/nurture/email-locale.ts';

/**
 * The words of the team notifications that are not in a template: values computed per event
 * (an activity's name, an answer's label, who qualified), in each language the templates exist in.
 */
export interface NoticeWords {
  readonly activity: Readonly<Record<ActivityType, string>>;
  readonly answer: Readonly<Record<AnswerKey, string>>;
  readonly profile: {
    readonly jobTitle: string;
    readonly companySize: string;
    readonly industry: string;
    readonly country: string;
    readonly phone: string;
  };
  readonly stage: Readonly<Record<Stage, string>>;
  /** How the digest says a prospect was qualified: "qualified automatically / by a person". */
  readonly digestQualifiedBy: { readonly auto: string; readonly person: string };
  readonly qualifiedAutomatically: string;
  readonly acceptedBy: (person: string) => string;
  /** What the generic intake (a website's own form) is called. */
  readonly websiteForm: string;
}

/** Integrations by the names their users know them by; an unknown one is shown as configured. */
const SOURCE_NAMES: Readonly<Record<string, string>> = {
  typeform: 'Typeform',
  tally: 'Tally',
  webflow: 'Webflow',
  calendly: 'Calendly',
  calcom: 'Cal.com',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
};

/** The source of an activity as a rep reads it: "Typeform", "website form". */
export function sourceName(source: string, words: NoticeWords): string {
  return source === 'generic' ? words.websiteForm : (SOURCE_NAMES[source] ?? source);
}

const EN: NoticeWords = {
  activity: {
    newsletter_signup: 'Newsletter sign-up',
    whitepaper_download: 'White paper download',
    webinar_registration: 'Webinar registration',
    contact_request: 'Contact request',
    demo_request: 'Demo request',
    quote_request: 'Quote request',
    detailed_form: 'Detailed form',
    webinar_attended: 'Webinar attended',
    page_visited: 'Page visit',
    meeting_booked: 'Meeting booked',
    sales_interaction: 'Sales interaction',
    email_opened: 'Email opened',
    email_clicked: 'Email clicked',
    unsubscribed: 'Unsubscribed',
    email_bounced: 'Email bounced',
    email_complained: 'Spam complaint',
  },
  answer: {
    budget: 'Budget',
    authority: 'Decision maker',
    need: 'Need',
    timeline: 'Timeline',
    goals: 'Goals',
    plans: 'Plans',
    challenges: 'Challenges',
  },
  profile: {
    jobTitle: 'Job title',
    companySize: 'Company size',
    industry: 'Industry',
    country: 'Country',
    phone: 'Phone',
  },
  stage: {
    lead: 'lead',
    review: 'in review',
    prospect: 'prospect',
    customer: 'customer',
    disqualified: 'disqualified',
  },
  digestQualifiedBy: { auto: 'automatically', person: 'by a person' },
  qualifiedAutomatically: 'qualified automatically',
  acceptedBy: (person) => `accepted by ${person}`,
  websiteForm: 'website form',
};

const FR: NoticeWords = {
  activity: {
    newsletter_signup: 'Inscription à la newsletter',
    whitepaper_download: 'Téléchargement de livre blanc',
    webinar_registration: 'Inscription à un webinar',
    contact_request: 'Demande de contact',
    demo_request: 'Demande de démo',
    quote_request: 'Demande de devis',
    detailed_form: 'Formulaire détaillé',
    webinar_attended: 'Webinar suivi',
    page_visited: 'Visite de page',
    meeting_booked: 'Rendez-vous pris',
    sales_interaction: 'Échange avec les ventes',
    email_opened: 'E-mail ouvert',
    email_clicked: 'Clic dans un e-mail',
    unsubscribed: 'Désinscription',
    email_bounced: 'E-mail rejeté',
    email_complained: 'Plainte pour spam',
  },
  answer: {
    budget: 'Budget',
    authority: 'Décideur',
    need: 'Besoin',
    timeline: 'Échéance',
    goals: 'Objectifs',
    plans: 'Plans',
    challenges: 'Difficultés',
  },
  profile: {
    jobTitle: 'Fonction',
    companySize: 'Taille de l’entreprise',
    industry: 'Secteur',
    country: 'Pays',
    phone: 'Téléphone',
  },
  stage: {
    lead: 'lead',
    review: 'en revue',
    prospect: 'prospect',
    customer: 'client',
    disqualified: 'disqualifié',
  },
  digestQualifiedBy: { auto: 'automatiquement', person: 'par une personne' },
  qualifiedAutomatically: 'qualifié automatiquement',
  acceptedBy: (person) => `accepté par ${person}`,
  websiteForm: 'formulaire du site',
};

export const NOTICE_WORDS: Readonly<Record<EmailLocale, NoticeWords>> = { en: EN, fr: FR };
