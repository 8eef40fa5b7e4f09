import { describe, expect, it } from 'vitest';
import configFile from '#shared/nurture/config/nurture.json' with { type: 'json' };
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { parseNurtureConfig } from '#shared/nurture/nurture-config.ts';
import { COMPILED_TEMPLATES } from '#shared/nurture/templates.ts';

const edited = (change: (config: any) => void) => {
  const copy = structuredClone(configFile) as any;
  change(copy);
  return () => parseNurtureConfig(copy, COMPILED_TEMPLATES);
};

describe('the nurture configuration', () => {
  it('ships valid, with the four tracks the product promises', () => {
    expect(defaultNurtureConfig.tracks.map((track) => track.name)).toEqual(
      expect.arrayContaining([
        'newsletter-welcome',
        'whitepaper-follow-up',
        'webinar-follow-up',
        're-engagement',
      ]),
    );
  });

  it.each([
    [
      'an unknown template',
      (c: any) => (c.tracks[0].steps[0].template = 'nope'),
      /tracks\.0\.steps\.0\.template: no contact template "nope"/,
    ],
    [
      'an internal template for contacts',
      (c: any) => (c.tracks[0].steps[0].template = 'daily-digest'),
      /no contact template "daily-digest"/,
    ],
    ['an unknown topic', (c: any) => (c.tracks[0].topic = 'gossip'), /no topic "gossip"/],
    [
      'an unknown follow-up track',
      (c: any) => (c.tracks[0].followUp.track = 'nowhere'),
      /no track "nowhere"/,
    ],
    [
      'a link a template needs removed',
      (c: any) => delete c.links.caseStudies,
      /\{\{links\.caseStudies\}\}, which links does not define/,
    ],
    [
      'a delay that is not ISO 8601',
      (c: any) => (c.tracks[0].steps[1].delay = '3 days'),
      /ISO 8601 duration/,
    ],
    [
      'an unknown time zone',
      (c: any) => (c.guardrails.defaultTimeZone = 'Europe/Atlantis'),
      /IANA time zone/,
    ],
    [
      'a quiet hour that is not a time',
      (c: any) => (c.guardrails.quietHours.start = '25:00'),
      /24-hour time/,
    ],
    [
      'an unknown activity in a condition',
      (c: any) => (c.tracks[1].steps[1].conditions.onlyIf = ['dancing']),
      /onlyIf/,
    ],
    [
      'two tracks with one name',
      (c: any) => (c.tracks[1].name = c.tracks[0].name),
      /track names must be unique/,
    ],
  ])('refuses %s, naming where', (_, change, message) => {
    expect(edited(change)).toThrow(message);
  });
});
