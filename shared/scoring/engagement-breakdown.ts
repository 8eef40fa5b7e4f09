import type { ScoreLine } from '#events/vocabulary/score.ts';
import type { Activity } from '#shared/activity/activity.ts';
import { instantOf } from './instant.ts';
import { matchesModelPattern } from './model-pattern.ts';
import type { EngagementRule, ScoringModel } from './scoring-model.ts';

const DAY_MS = 86_400_000;

export type ScoredActivity = Pick<Activity, 'type' | 'occurredAt' | 'channel' | 'page' | 'pageCategory'>;

export interface EngagementResult {
  readonly lines: ScoreLine[];
  /** The latest activity that brought points. */
  readonly lastEngagedAt?: string;
  /** When the decaying or windowed part has moved enough to re-compute; undefined when nothing decays. */
  readonly staleAfter?: Date;
}

interface Tally {
  readonly rule: EngagementRule;
  readonly what: string;
  points: number;
  count: number;
}

/**
 * Engagement: points per activity (or per page category), faded by age with the model's half-life
 * unless the rule says it does not decay, capped per rule, plus a bonus for engaging on several
 * channels within a window.
 */
export function engagementBreakdown(
  activities: readonly ScoredActivity[],
  model: ScoringModel,
  now: Date,
): EngagementResult {
  const { halfLifeDays } = model.engagement;
  const nowMs = now.getTime();
  const windowDays = model.engagement.multiChannel.windowDays;
  const tallies = new Map<string, Tally>();
  const channelLastSeen = new Map<string, number>();
  let lastEngagedAt: string | undefined;
  // The hot loop of every re-score: no allocation per activity beyond what a new tally needs.
  for (const activity of activities) {
    const key = engagementKeyOf(activity, model);
    const rule = key === undefined ? undefined : ruleOf(key, model);
    if (key === undefined || !rule) continue;
    const occurred = instantOf(activity.occurredAt);
    const ageDays = Math.max(0, nowMs - occurred) / DAY_MS;
    const points = rule.decays ? rule.points * 0.5 ** (ageDays / halfLifeDays) : rule.points;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { rule, what: describeKey(key), points: 0, count: 0 };
      tallies.set(key, tally);
    }
    tally.points += points;
    tally.count += 1;
    if (rule.points > 0) {
      if (!lastEngagedAt || activity.occurredAt > lastEngagedAt) lastEngagedAt = activity.occurredAt;
      if (ageDays <= windowDays) {
        channelLastSeen.set(activity.channel, Math.max(channelLastSeen.get(activity.channel) ?? 0, occurred));
      }
    }
  }

  const lines: ScoreLine[] = [];
  let decaying = 0;
  for (const [key, tally] of tallies) {
    const { cap, decays } = tally.rule;
    const capped = cap !== undefined && Math.abs(tally.points) > cap;
    const points = round(capped && cap !== undefined ? Math.sign(tally.points) * cap : tally.points);
    if (decays) decaying += Math.abs(points);
    const fading = decays ? `decayed (half-life ${halfLifeDays} days)` : 'does not decay';
    lines.push({
      rule: `engagement.${key}`,
      points,
      reason: `${tally.count} × ${tally.what}, ${fading}${capped ? `, capped at ${cap}` : ''}`,
    });
  }

  const { tiers } = model.engagement.multiChannel;
  const channels = [...channelLastSeen.keys()].sort();
  const tier = tiers
    .filter((candidate) => channels.length >= candidate.minChannels)
    .sort((a, b) => b.minChannels - a.minChannels)[0];
  let staleAfter =
    decaying >= model.rescore.minDecayingPoints
      ? new Date(now.getTime() + model.rescore.everyDays * DAY_MS)
      : undefined;
  if (tier) {
    lines.push({
      rule: 'engagement.multiChannel',
      points: tier.points,
      reason: `engaged on ${channels.length} channels in ${windowDays} days (${channels.join(', ')})`,
    });
    // The bonus may drop when the first of its channels leaves the window.
    const firstExpiry = new Date(Math.min(...channelLastSeen.values()) + windowDays * DAY_MS);
    if (!staleAfter || firstExpiry < staleAfter) staleAfter = firstExpiry;
  }
  return { lines, lastEngagedAt, staleAfter };
}

const PAGE_KEY_PREFIX = 'page.';

/**
 * Which rule scores an activity, as a key: `page.<category>` for a page visit whose category the
 * model scores, else the activity type (undefined when the page is unknown and visits score nothing).
 */
function engagementKeyOf(activity: ScoredActivity, model: ScoringModel): string | undefined {
  if (activity.type === 'page_visited') {
    const category = pageCategoryOf(activity, model);
    if (category && model.engagement.pages.categories[category]) return PAGE_KEY_PREFIX + category;
  }
  return activity.type;
}

function ruleOf(key: string, model: ScoringModel): EngagementRule | undefined {
  return key.startsWith(PAGE_KEY_PREFIX)
    ? model.engagement.pages.categories[key.slice(PAGE_KEY_PREFIX.length)]
    : model.engagement.activities[key as Activity['type']];
}

/** Keys are few (one per activity type or page category), so their descriptions are built once. */
const descriptions = new Map<string, string>();

function describeKey(key: string): string {
  let description = descriptions.get(key);
  if (description === undefined) {
    description = key.startsWith(PAGE_KEY_PREFIX)
      ? `${key.slice(PAGE_KEY_PREFIX.length)} page visit`
      : key.replaceAll('_', ' ');
    descriptions.set(key, description);
  }
  return description;
}

export function pageCategoryOf(
  activity: Pick<Activity, 'page' | 'pageCategory'>,
  model: ScoringModel,
): string | undefined {
  if (activity.pageCategory) return activity.pageCategory.toLowerCase();
  const { page } = activity;
  if (!page) return undefined;
  return model.engagement.pages.classify.find((rule) => matchesModelPattern(rule.pattern, page))?.category;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
