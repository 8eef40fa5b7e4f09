import { Duration, IANAZone } from 'luxon';
import * as z from 'zod/mini';
import { activityTypeSchema, formTypeSchema } from '#events/vocabulary/activity-type.ts';
import { stageSchema } from '#events/vocabulary/stage.ts';
import { STAGE_LINKS } from './sender-identity.ts';
import '#shared/runtime/validation-messages.ts';
import type { ConfigError } from '#shared/config/config-kind.ts';
import type { CompiledTemplates } from './compiled-template.ts';
import { EMAIL_LOCALES } from './email-locale.ts';

const name = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens'));
const isoDuration = z
  .string()
  .check(
    z.refine(
      (value) => Duration.fromISO(value).isValid,
      'must be an ISO 8601 duration such as PT0S, PT12H or P3D',
    ),
  );
const clockTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 08:00'));
const localeSchema = z.enum(EMAIL_LOCALES);

const stepSchema = z.object({
  template: name,
  /** After the previous email of the track (or the enrollment, for the first step). */
  delay: isoDuration,
  conditions: z.optional(
    z.strictObject({
      /** Sent only if the contact did one of these since entering the track; skipped otherwise. */
      onlyIf: z.optional(z.array(activityTypeSchema).check(z.minLength(1))),
      /** Skipped if the contact did one of these since entering the track. */
      skipIf: z.optional(z.array(activityTypeSchema).check(z.minLength(1))),
      /** Sent only if the contact did nothing (opens aside) for this many days; skipped otherwise. */
      inactiveForDays: z.optional(z.number().check(z.int(), z.positive())),
    }),
  ),
});

const trackSchema = z.object({
  name,
  /** What the emails are about; a person can leave one topic and keep the others. */
  topic: name,
  /**
   * Who enters the track: leads whose strongest interest and stage are listed. A track without
   * `entry` is only reached as another track's `followUp` (re-engagement).
   */
  entry: z.optional(
    z.object({
      interests: z.array(formTypeSchema).check(z.minLength(1)),
      stages: z._default(z.array(stageSchema).check(z.minLength(1)), ['lead']),
    }),
  ),
  steps: z.array(stepSchema).check(z.minLength(1)),
  /** Where the contact goes once the last step is done, and how long after it. */
  followUp: z.optional(z.object({ track: name, after: isoDuration })),
});

/**
 * Nurture is configuration, not code: marketing edits `config/nurture.json`, and every edit is
 * validated here, including what JSON schema alone cannot say (a track names a template that exists
 * in every language, a topic that exists, a follow-up track that exists), so a typo is refused when
 * the module loads, with its exact path, instead of an email silently never going out.
 */
export const nurtureConfigSchema = z
  .object({
    version: z.string().check(z.minLength(1)),
    /**
     * Pages the templates link to, as `{{links.<name>}}`: a path (`/blog`) on the stage's website, or a
     * full https URL elsewhere. `website` and `privacy` are the stage's own (its `mail.links`).
     */
    links: z.record(
      z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/)),
      z.union([z.string().check(z.regex(/^\/[^/]/)), z.url({ protocol: /^https$/ })]),
    ),
    topics: z
      .array(z.object({ id: name, label: z.record(localeSchema, z.string().check(z.minLength(1))) }))
      .check(
        z.minLength(1),
        z.refine((topics) => unique(topics.map((topic) => topic.id)), 'topic ids must be unique'),
      ),
    locales: z.object({
      default: localeSchema,
      /** ISO 3166 alpha-2 country code → language, for the contact's country. */
      byCountry: z.record(z.string().check(z.regex(/^[A-Z]{2}$/)), localeSchema),
    }),
    guardrails: z.object({
      frequencyCap: z.object({
        maxEmails: z.number().check(z.int(), z.positive()),
        perDays: z.number().check(z.positive()),
      }),
      /** Local times in the contact's time zone; the window may span midnight (20:00 → 08:00). */
      quietHours: z.object({ start: clockTime, end: clockTime }),
      defaultTimeZone: z
        .string()
        .check(z.refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone')),
      stopAtStages: z.array(stageSchema).check(z.minLength(1)),
      /**
       * Stages in which every track waits, whatever its entry says: a contact in review is a person's
       * to judge, and a track reached only as a follow-up (re-engagement) has no entry to pause it.
       */
      pauseAtStages: z._default(z.array(stageSchema), ['review']),
    }),
    doubleOptIn: z.object({
      /** Consent-based signups with one of these interests must confirm before any other email. */
      interests: z.array(formTypeSchema),
      confirmationTemplate: name,
      linkValidDays: z.number().check(z.int(), z.positive()),
    }),
    /** Strongest first: the first track whose entry matches wins, and a contact only moves up. */
    tracks: z.array(trackSchema).check(
      z.minLength(1),
      z.refine((tracks) => unique(tracks.map((track) => track.name)), 'track names must be unique'),
    ),
  })
  .check(
    z.superRefine((config, context) => {
      const topics = new Set(config.topics.map((topic) => topic.id));
      const tracks = new Set(config.tracks.map((track) => track.name));
      config.tracks.forEach((track, index) => {
        if (!topics.has(track.topic)) {
          context.addIssue({
            code: 'custom',
            path: ['tracks', index, 'topic'],
            message: `no topic "${track.topic}"`,
          });
        }
        if (track.followUp && !tracks.has(track.followUp.track)) {
          context.addIssue({
            code: 'custom',
            path: ['tracks', index, 'followUp', 'track'],
            message: `no track "${track.followUp.track}"`,
          });
        }
      });
    }),
  );

export type NurtureConfig = z.infer<typeof nurtureConfigSchema>;
export type NurtureTrack = NurtureConfig['tracks'][number];
export type NurtureStep = NurtureTrack['steps'][number];

/** Validates a configuration against the schema and against the compiled templates it names. */
export function parseNurtureConfig(input: unknown, templates: CompiledTemplates): NurtureConfig {
  const parsed = nurtureConfigSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid nurture configuration:\n${z.prettifyError(parsed.error)}`);
  const problems = templateProblems(parsed.data, templates);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw new Error(`Invalid nurture configuration:\n- ${lines.join('\n- ')}`);
  }
  return parsed.data;
}

/**
 * What the schema alone cannot check: every template a configuration names exists for contacts,
 * and every `{{links.…}}` it uses is one of the configuration's links. One problem per place.
 */
export function templateProblems(config: NurtureConfig, templates: CompiledTemplates): ConfigError[] {
  const problems = new Map<string, ConfigError>();
  const add = (path: string, message: string) => problems.set(`${path}: ${message}`, { path, message });
  const checkTemplate = (template: string, where: string) => {
    const compiled = templates[template];
    if (compiled?.audience !== 'contact') {
      add(where, `no contact template "${template}" (shared/nurture/templates/contact/)`);
      return;
    }
    for (const locale of Object.values(compiled.locales)) {
      for (const variable of locale?.variables ?? []) {
        const link = variable.startsWith('links.') ? variable.slice('links.'.length) : undefined;
        if (link !== undefined && !(link in config.links) && !isStageLink(link)) {
          add(where, `template "${template}" links to {{${variable}}}, which links does not define`);
        }
      }
    }
  };
  checkTemplate(config.doubleOptIn.confirmationTemplate, 'doubleOptIn.confirmationTemplate');
  config.tracks.forEach((track, t) => {
    track.steps.forEach((step, s) => {
      checkTemplate(step.template, `tracks.${t}.steps.${s}.template`);
    });
  });
  return [...problems.values()];
}

function isStageLink(name: string): boolean {
  return (STAGE_LINKS as readonly string[]).includes(name);
}

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}
