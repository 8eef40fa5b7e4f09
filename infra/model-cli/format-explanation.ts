import { ANSWER_KEYS, type Score } from '#events/vocabulary/score.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';

/**
 * `npm run model -- explain <email>`: the stored score line by line (rule, points, reason), the
 * stage and how the contact got there, and what the published model would say if it re-scored now.
 */
export function formatExplanation(history: ContactHistory, model: ScoringModel, now: Date): string {
  const { contact } = history;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const lines = [`${contact.email}${name ? ` (${name})` : ''} · ${contact.contactId}`];
  const lastMove = history.transitions.at(-1);
  lines.push(
    `Stage      ${contact.stage}${lastMove ? ` since ${lastMove.at} (${lastMove.by}: ${lastMove.reason})` : ''}`,
  );
  const { score } = contact;
  if (!score) {
    lines.push('Score      not scored yet');
  } else {
    lines.push(
      `Score      ${summary(score)}`,
      `           model ${score.modelVersion}, scored ${score.scoredAt}`,
      '',
    );
    lines.push(...breakdown(score), '');
  }
  const answers = ANSWER_KEYS.filter((key) => contact.answers[key]).map(
    (key) => `${key}: ${contact.answers[key]}`,
  );
  const frameworks = score?.completeFrameworks?.length
    ? ` (${score.completeFrameworks.join(', ')} complete)`
    : '';
  lines.push(`Answers    ${answers.length ? answers.join('; ') : 'none'}${frameworks}`);
  if (contact.review)
    lines.push(`Review     requested ${contact.review.requestedAt}: ${contact.review.reason}`);
  if (contact.qualification) {
    const { qualification } = contact;
    const by = qualification.by.kind === 'auto' ? 'automatically' : `by ${qualification.by.id}`;
    lines.push(
      `Qualified  ${qualification.qualifiedAt} ${by}, hand-off ${qualification.qualificationId}` +
        (qualification.announcedAt ? '' : ' (not yet announced)'),
    );
  }
  lines.push(
    `Activities ${history.activities.length}${history.activities.length ? `, last ${history.activities.at(-1)?.occurredAt}` : ''}`,
  );
  if (history.transitions.length) {
    lines.push('Transitions');
    for (const move of history.transitions)
      lines.push(`  ${move.at}  ${move.from} → ${move.to}  ${move.by}: ${move.reason}`);
  }
  const fresh = scoreContact(
    { contact, email: classifyEmail(contact.email), activities: history.activities },
    model,
    now,
  );
  if (!score || fresh.total !== score.total || fresh.modelVersion !== score.modelVersion) {
    lines.push('', `If re-scored now with ${model.version}: ${summary(fresh)}`, ...breakdown(fresh));
  }
  return `${lines.join('\n')}\n`;
}

function summary(score: Score): string {
  return `${score.total} = fit ${score.fit} + engagement ${score.engagement} + qualification ${score.qualification} · grade ${score.grade}`;
}

function breakdown(score: Score): string[] {
  const width = Math.max(0, ...score.breakdown.map((line) => line.rule.length));
  return score.breakdown.map((line) => {
    const points = `${line.points > 0 ? '+' : ''}${line.points}`.padStart(7);
    return `  ${points}  ${line.rule.padEnd(width)}  ${line.reason}`;
  });
}
