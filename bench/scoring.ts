import { Bench } from 'tinybench';
import { ACTIVITY_TYPES } from '#events/vocabulary/activity-type.ts';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import { median } from './statistics.ts';

export interface ScoringFigures {
  readonly contacts: number;
  readonly activitiesPerContact: number;
  readonly rounds: number;
  /** Medians over the rounds. */
  readonly contactsScoredPerSecond: number;
  readonly contactsParsedPerSecond: number;
  /** The median of each round's scored ÷ parsed. */
  readonly scoredPerParsed: number;
}

type History = { contact: Contact; activities: Activity[] };

/**
 * The scoring engine against its own input: re-scoring contacts with 20-activity histories,
 * compared with the time to JSON.parse the very same histories (what the scorer reads). Short
 * rounds of each, alternated, so a burst of load on a shared machine hits both sides alike.
 */
export async function measureScoring(
  contacts = 500,
  activitiesPerContact = 20,
  rounds = 9,
): Promise<ScoringFigures> {
  const json = JSON.stringify(histories(contacts, activitiesPerContact));
  const parsed = JSON.parse(json) as History[];
  const now = new Date('2026-06-01T00:00:00Z');
  const scored: number[] = [];
  const parsedRates: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time: 300, warmup: true });
    bench
      .add('parse', () => {
        JSON.parse(json);
      })
      .add('score', () => {
        for (const { contact, activities } of parsed) {
          scoreContact(
            { contact, email: classifyEmail(contact.email), activities },
            defaultScoringModel,
            now,
          );
        }
      });
    await bench.run();
    const perSecond = (name: string) => {
      const task = bench.tasks.find((candidate) => candidate.name === name);
      const mean = task?.result && 'latency' in task.result ? task.result.latency.mean : Number.NaN;
      return (contacts / mean) * 1000;
    };
    scored.push(perSecond('score'));
    parsedRates.push(perSecond('parse'));
    ratios.push(perSecond('score') / perSecond('parse'));
  }
  return {
    contacts,
    activitiesPerContact,
    rounds,
    contactsScoredPerSecond: median(scored),
    contactsParsedPerSecond: median(parsedRates),
    scoredPerParsed: median(ratios),
  };
}

function histories(count: number, perContact: number): History[] {
  return Array.from({ length: count }, (_, n) => ({
    contact: {
      contactId: `c_${n}`,
      email: n % 3 === 0 ? `person${n}@gmail.com` : `person${n}@company-${n}.com`,
      jobTitle: ['CEO', 'Marketing Manager', 'Head of Sales', 'Student'][n % 4],
      company: `Company ${n}`,
      answers: n % 5 === 0 ? { budget: '10k', need: 'leads' } : {},
      stage: 'lead',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: perContact,
    },
    activities: Array.from({ length: perContact }, (_, k) => ({
      activityId: `a_${n}_${k}`,
      contactId: `c_${n}`,
      type: ACTIVITY_TYPES[(n + k) % ACTIVITY_TYPES.length] as Activity['type'],
      channel: 'web-form',
      source: 'generic',
      occurredAt: new Date(Date.UTC(2026, 0, 1 + k * 5)).toISOString(),
      recordedAt: new Date(Date.UTC(2026, 0, 1 + k * 5)).toISOString(),
    })),
  }));
}
