import {
  ANSWER_KEYS,
  type AnswerKey,
  FRAMEWORKS,
  type Framework,
  type ScoreLine,
} from '#events/vocabulary/score.ts';
import type { AnswerReading, QualificationAnswers } from '#shared/contact/contact.ts';
import type { ScoringModel } from './scoring-model.ts';

/** How one answer was read, and the line it adds to the breakdown. */
interface ReadAnswer {
  readonly key: AnswerKey;
  readonly reading: AnswerReading;
  readonly line?: ScoreLine;
}

export interface AnswersRead {
  /** Answered with something that means something (qualifying or negative). */
  readonly knownAnswers: AnswerKey[];
  /** Answered, and the answer says no: "no budget", "not me", "jamais", a disqualifying option. */
  readonly negativeAnswers: AnswerKey[];
  /** Every answer known and none negative. */
  readonly completeFrameworks: Framework[];
  /** Every answer known, but at least one negative: known, and not a reason to qualify. */
  readonly negativeFrameworks: Framework[];
  readonly lines: ScoreLine[];
}

/**
 * Reads the qualification answers for meaning, not presence. An answer whose form option the form
 * configuration maps (`answerOptions`) is read as that option says; a free-text answer is negative
 * when a pattern of the model's `qualification.negativeAnswers` (for any answer or for its own)
 * matches it, and unknown when an `unknownAnswers` pattern does ("not sure", "je ne sais pas").
 */
export function readAnswers(
  answers: QualificationAnswers,
  readings: Partial<Record<AnswerKey, AnswerReading>> | undefined,
  model: ScoringModel,
): AnswersRead {
  const read = ANSWER_KEYS.flatMap((key): ReadAnswer[] => {
    const text = (answers[key] ?? '').trim();
    if (text === '') return [];
    return [readOne(key, text, readings?.[key], model)];
  });
  const keysRead = (wanted: AnswerReading) => read.filter((a) => a.reading === wanted).map((a) => a.key);
  const negativeAnswers = keysRead('disqualifying');
  const knownAnswers = read.filter((a) => a.reading !== 'unknown').map((a) => a.key);
  const frameworks = Object.keys(FRAMEWORKS) as Framework[];
  const allKnown = (framework: Framework) => FRAMEWORKS[framework].every((key) => knownAnswers.includes(key));
  const anyNegative = (framework: Framework) =>
    FRAMEWORKS[framework].some((key) => negativeAnswers.includes(key));
  return {
    knownAnswers,
    negativeAnswers,
    completeFrameworks: frameworks.filter((f) => allKnown(f) && !anyNegative(f)),
    negativeFrameworks: frameworks.filter((f) => allKnown(f) && anyNegative(f)),
    lines: read.flatMap((a) => (a.line ? [a.line] : [])),
  };
}

function readOne(
  key: AnswerKey,
  text: string,
  optionReading: AnswerReading | undefined,
  model: ScoringModel,
): ReadAnswer {
  const rules = model.qualification;
  const reading = optionReading ?? readText(key, text, rules);
  const how = optionReading ? 'an option the form maps as' : 'a free-text answer read as';
  if (reading === 'unknown') {
    return {
      key,
      reading,
      line: {
        rule: `qualification.${key}.unknown`,
        points: 0,
        reason: `${key}: ${how} unknown; not counted`,
      },
    };
  }
  if (reading === 'disqualifying') {
    const blocks = model.policy.autoQualify.blockOnNegative.includes(key)
      ? '; never qualifies automatically'
      : '';
    return {
      key,
      reading,
      line: {
        rule: `qualification.${key}.negative`,
        points: rules.negativePoints[key] ?? 0,
        reason: `${key}: ${how} negative${blocks}`,
      },
    };
  }
  const points = rules.pointsPerAnswer[key];
  return {
    key,
    reading,
    ...(points === undefined
      ? {}
      : { line: { rule: `qualification.${key}`, points, reason: `${key} is known` } }),
  };
}

function readText(key: AnswerKey, text: string, rules: ScoringModel['qualification']): AnswerReading {
  const folded = fold(text);
  const matches = (patterns: readonly string[] | undefined) =>
    (patterns ?? []).some((source) => compiled(source).test(folded));
  if (matches(rules.negativeAnswers.any) || matches(rules.negativeAnswers[key])) return 'disqualifying';
  if (matches(rules.unknownAnswers)) return 'unknown';
  return 'qualifying';
}

const expressions = new Map<string, RegExp>();

/** Each pattern compiled once per container: a model's patterns are few, contacts many. */
function compiled(source: string): RegExp {
  let expression = expressions.get(source);
  if (!expression) {
    expression = new RegExp(source, 'iu');
    expressions.set(source, expression);
  }
  return expression;
}

/** Lower case, accents off, apostrophes and spaces tidied: "Pas d’idée " and "pas d'idee" read alike. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
