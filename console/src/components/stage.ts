import type { Stage } from '../api.ts';
import { h } from '../dom.ts';
import { type MessageKey, t } from '../i18n.ts';

export const STAGE_ORDER: readonly Stage[] = ['lead', 'review', 'prospect', 'customer', 'disqualified'];

export function stageLabel(stage: Stage): string {
  return t(`stage.${stage}` as MessageKey);
}

/** A stage as a badge: its name in words (the colour only repeats it). */
export function stageBadge(stage: Stage): HTMLElement {
  return h('span', { class: `badge stage-${stage}` }, stageLabel(stage));
}

/** A score with its fit grade, e.g. "68 · B". */
export function scoreText(score: number | undefined, grade: string | undefined): string {
  if (score === undefined) return '—';
  return grade ? `${score} · ${grade}` : String(score);
}
