import { IANAZone } from 'luxon';
import * as z from 'zod/mini';
import { countryCode } from '#shared/contact/country.ts';
import { EMAIL_LOCALES } from '#shared/nurture/email-locale.ts';
import '#shared/runtime/validation-messages.ts';

const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens'));
const clockTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:00'));
const timeZone = z
  .string()
  .check(z.refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Paris'));
const country = z
  .string()
  .check(z.refine((code) => countryCode(code) === code, 'must be an ISO 3166 alpha-2 code such as FR'));

/** When someone works: follow-up deadlines count only these hours. */
const calendarSchema = z.strictObject({
  timeZone,
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z._default(
    z.array(z.number().check(z.int(), z.minimum(1), z.maximum(7))).check(z.minLength(1)),
    [1, 2, 3, 4, 5],
  ),
  start: z._default(clockTime, '09:00'),
  end: z._default(clockTime, '18:00'),
});

const personSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  email: z.email(),
  locale: z._default(z.enum(EMAIL_LOCALES), 'en'),
  calendar: calendarSchema,
});

const teamSchema = z.strictObject({
  /** Hears of every follow-up past its deadline in the team. */
  lead: id,
  /** Take turns, one hand-off each (round-robin). */
  members: z.array(id).check(z.minLength(1)),
});

/** A territory: the first rule every condition of which matches a contact names its team. */
const ruleSchema = z.strictObject({
  label: id,
  team: id,
  countries: z.optional(z.array(country).check(z.minLength(1))),
  regions: z.optional(z.array(id).check(z.minLength(1))),
  /** Company size by employees, bounds included; a contact whose size is unknown matches neither. */
  minEmployees: z.optional(z.number().check(z.int(), z.nonnegative())),
  maxEmployees: z.optional(z.number().check(z.int(), z.nonnegative())),
});

export const routingConfigSchema = z.strictObject({
  people: z.record(id, personSchema),
  teams: z.record(id, teamSchema),
  /** Named groups of countries rules can refer to (`emea`, `dach`). */
  regions: z._default(z.record(id, z.array(country).check(z.minLength(1))), {}),
  rules: z.array(ruleSchema),
  /** Who owns a contact no rule matches. */
  fallback: id,
  /** How long the owner has, in the owner's business hours (a business day is one calendar workday). */
  deadlines: z._default(
    z.strictObject({
      reviewBusinessHours: z._default(z.number().check(z.positive()), 4),
      firstTouchBusinessDays: z._default(z.number().check(z.positive()), 1),
      /** How long before the deadline the owner is reminded, in business hours. */
      reminderBusinessHours: z._default(z.number().check(z.positive()), 1),
    }),
    { reviewBusinessHours: 4, firstTouchBusinessDays: 1, reminderBusinessHours: 1 },
  ),
});

export type RoutingConfig = z.infer<typeof routingConfigSchema>;
export type Person = RoutingConfig['people'][string];
export type RoutingRule = RoutingConfig['rules'][number];
export type Calendar = Person['calendar'];

/** Validates the routing file, and that every person, team and region it names exists. */
export function parseRoutingConfig(input: unknown): RoutingConfig {
  const parsed = routingConfigSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid routing configuration:\n${z.prettifyError(parsed.error)}`);
  const config = parsed.data;
  const problems: string[] = [];
  const person = (name: string, where: string) => {
    if (!config.people[name]) problems.push(`${where}: no person "${name}" in people`);
  };
  person(config.fallback, 'fallback');
  for (const [name, team] of Object.entries(config.teams)) {
    person(team.lead, `teams.${name}.lead`);
    for (const [index, member] of team.members.entries()) person(member, `teams.${name}.members.${index}`);
  }
  config.rules.forEach((rule, index) => {
    if (!config.teams[rule.team]) problems.push(`rules.${index}.team: no team "${rule.team}" in teams`);
    for (const region of rule.regions ?? []) {
      if (!config.regions[region]) problems.push(`rules.${index}.regions: no region "${region}" in regions`);
    }
    if (
      rule.minEmployees !== undefined &&
      rule.maxEmployees !== undefined &&
      rule.minEmployees > rule.maxEmployees
    ) {
      problems.push(`rules.${index}: minEmployees is above maxEmployees`);
    }
  });
  if (problems.length > 0) throw new Error(`Invalid routing configuration:\n${problems.join('\n')}`);
  return config;
}
