/**
 * The contact fields a provider's form field can feed. Dotted names are nested in the canonical
 * submission (`answers.budget` → `{ answers: { budget } }`); `fullName` is split into first and last
 * name when the form asks for one name only.
 */
export const CANONICAL_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'company',
  'jobTitle',
  'phone',
  'country',
  'answers.budget',
  'answers.authority',
  'answers.need',
  'answers.timeline',
  'consent',
  'utm.source',
  'utm.medium',
  'utm.campaign',
  'utm.term',
  'utm.content',
  'referrer',
  'formType',
  'submissionId',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/**
 * Field names forms commonly use, in English and French, already normalized (see
 * {@link normalizeFieldName}). A per-form mapping in the forms configuration takes precedence.
 */
const DEFAULT_ALIASES: Readonly<Record<CanonicalField, readonly string[]>> = {
  email: [
    'email',
    'e mail',
    'mail',
    'email address',
    'e mail address',
    'your email',
    'work email',
    'business email',
    'courriel',
    'adresse email',
    'adresse e mail',
    'adresse mail',
    'adresse courriel',
    'adresse electronique',
    'votre email',
    'votre e mail',
    'votre adresse email',
    'email professionnel',
    'e mail professionnel',
    'adresse email professionnelle',
  ],
  firstName: [
    'first name',
    'firstname',
    'given name',
    'forename',
    'fname',
    'your first name',
    'prenom',
    'votre prenom',
  ],
  lastName: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'lname',
    'your last name',
    'nom',
    'nom de famille',
    'votre nom',
  ],
  fullName: [
    'name',
    'full name',
    'fullname',
    'your name',
    'contact name',
    'nom complet',
    'prenom et nom',
    'prenom nom',
    'nom et prenom',
    'nom prenom',
  ],
  company: [
    'company',
    'company name',
    'organization',
    'organisation',
    'organization name',
    'business name',
    'employer',
    'societe',
    'nom de la societe',
    'entreprise',
    'nom de l entreprise',
    'votre entreprise',
    'votre societe',
    'raison sociale',
    'structure',
  ],
  jobTitle: [
    'job title',
    'jobtitle',
    'title',
    'position',
    'role',
    'job',
    'job role',
    'your role',
    'poste',
    'fonction',
    'intitule de poste',
    'intitule du poste',
    'votre poste',
    'votre fonction',
    'titre du poste',
  ],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'telephone number',
    'tel',
    'mobile',
    'mobile phone',
    'mobile number',
    'cell phone',
    'numero de telephone',
    'portable',
    'telephone portable',
    'numero de portable',
    'votre telephone',
  ],
  country: ['country', 'country region', 'pays', 'votre pays'],
  'answers.budget': ['budget', 'budget range', 'your budget', 'votre budget', 'enveloppe budgetaire'],
  'answers.authority': [
    'authority',
    'decision maker',
    'role in decision',
    'role in the decision',
    'decideur',
    'pouvoir de decision',
    'role dans la decision',
  ],
  'answers.need': [
    'need',
    'needs',
    'your need',
    'your needs',
    'use case',
    'besoin',
    'besoins',
    'votre besoin',
    'vos besoins',
    'cas d usage',
  ],
  'answers.timeline': [
    'timeline',
    'timeframe',
    'time frame',
    'project timeline',
    'delai',
    'delais',
    'echeance',
    'calendrier',
  ],
  consent: [
    'consent',
    'gdpr',
    'gdpr consent',
    'marketing consent',
    'email consent',
    'opt in',
    'optin',
    'consentement',
    'rgpd',
    'consentement rgpd',
  ],
  'utm.source': ['utm source'],
  'utm.medium': ['utm medium'],
  'utm.campaign': ['utm campaign'],
  'utm.term': ['utm term'],
  'utm.content': ['utm content'],
  referrer: ['referrer', 'referer', 'referrer url', 'referring url'],
  formType: ['form type', 'type de formulaire'],
  submissionId: ['submission id'],
};

const FIELD_BY_ALIAS: ReadonlyMap<string, CanonicalField> = new Map(
  Object.entries(DEFAULT_ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field as CanonicalField] as const),
  ),
);

/**
 * One spelling for every way a form names a field: `firstName`, `first_name`, `First Name *` and
 * `first-name` all become `first name`; accents go (`Prénom` → `prenom`), and a trailing number that
 * builders add to duplicated fields (Webflow's `Email 2`) is dropped.
 */
export function normalizeFieldName(name: string): string {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ \d+$/, '');
}

/** The canonical field a name means by default, if it is a common one. */
export function defaultFieldFor(name: string): CanonicalField | undefined {
  return FIELD_BY_ALIAS.get(normalizeFieldName(name));
}
