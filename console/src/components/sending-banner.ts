import type { SendingStatus } from '#shared/sending/sending-status.ts';
import { ApiError, api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { format, t } from '../i18n.ts';

/**
 * The banner every view shows while nurture email is not going out: paused by the reputation breaker
 * (the window's figures, who may resume, and the recorded decision to resume, with a note), or held
 * near the SES quota. Nothing shows while nurture sends, nor when the status cannot be read.
 */
export async function renderSendingBanner(slot: HTMLElement): Promise<void> {
  let status: SendingStatus;
  try {
    status = await api<SendingStatus>('GET', '/admin/sending');
  } catch {
    return;
  }
  if (status.nurture === 'sending') return replace(slot);
  if (status.nurture === 'held-for-quota') {
    return replace(
      slot,
      h(
        'div',
        { class: 'banner banner-warning', role: 'status' },
        h('strong', {}, t('sending.heldTitle')),
        ' ',
        t('sending.heldBody', {
          used: status.quota.sentLast24Hours,
          budget: status.quota.nurtureBudget ?? status.quota.max24HourSend,
        }),
      ),
    );
  }
  const figures = status.breaker.status === 'open' ? status.breaker.figures : status.window;
  const note = h('textarea', { id: 'resume-note', rows: 2, required: true });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const resume = h('button', { type: 'submit' }, t('sending.resume'));
  const form = h(
    'form',
    { class: 'banner-form' },
    h('label', { for: 'resume-note' }, t('sending.note')),
    note,
    resume,
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    resume.disabled = true;
    api('POST', '/admin/sending/resume', { note: note.value })
      .then(() => renderSendingBanner(slot))
      .catch((failure: unknown) => {
        resume.disabled = false;
        replace(error, failure instanceof ApiError ? failure.message : String(failure));
      });
  });
  replace(
    slot,
    h(
      'div',
      { class: 'banner banner-danger', role: 'alert' },
      h('strong', {}, t('sending.pausedTitle')),
      ' ',
      t('sending.pausedBody', {
        sends: figures.sends,
        bounces: figures.bounces,
        bounceRate: format.percent(figures.bounceRate),
        complaints: figures.complaints,
        complaintRate: format.percent(figures.complaintRate),
      }),
      ' ',
      t('sending.whoResumes'),
      form,
    ),
  );
}
