import { adminApi, type Stage } from '../api.ts';
import { DECISION_BUTTON_CLASS, type Decision, REASON_REQUIRED } from '../decisions.ts';
import { h, replace } from '../dom.ts';
import { type MessageKey, t } from '../i18n.ts';
import { currentSession } from '../session.ts';
import { apiErrorBox } from './api-error.ts';
import { errorBox, field } from './form.ts';

const ANSWERS = ['budget', 'authority', 'need', 'timeline'] as const;

/**
 * The human validation step: a modal dialog (native <dialog>: focus stays inside, Escape closes it,
 * focus returns to the button that opened it) asking for the reason, required to reject or
 * disqualify, and any BANT answers learned on a call. Resolves with the new stage, or undefined
 * when cancelled.
 */
export function decide(
  contact: { contactId: string; name: string },
  decision: Decision,
): Promise<Stage | undefined> {
  return new Promise((resolve) => {
    const opener = document.activeElement as HTMLElement | null;
    const required = REASON_REQUIRED.has(decision);
    const reason = h('textarea', {
      name: 'reason',
      rows: 3,
      maxlength: 2000,
      required: required,
      'aria-required': required ? 'true' : undefined,
    });
    const answers = ANSWERS.map(
      (key) => [key, h('input', { type: 'text', name: key, maxlength: 500 })] as const,
    );
    const status = h('div', { class: 'form-status' });
    const submit = h(
      'button',
      { type: 'submit', class: DECISION_BUTTON_CLASS[decision] === 'primary' ? 'primary' : 'danger' },
      t(`decision.${decision}` as MessageKey),
    );
    const titleId = `decision-title-${decision}`;
    const form = h(
      'form',
      { method: 'dialog', novalidate: true },
      h('h2', { id: titleId }, t(`decision.title.${decision}` as MessageKey, { name: contact.name })),
      h('p', {}, t(`decision.explain.${decision}` as MessageKey)),
      field(required ? t('decision.reasonRequired') : t('decision.reasonOptional'), reason),
      decision === 'accept'
        ? h(
            'fieldset',
            { class: 'answers' },
            h('legend', {}, t('decision.answers')),
            ...answers.map(([key, input]) => field(t(`answer.${key}` as MessageKey), input)),
          )
        : null,
      status,
      h(
        'div',
        { class: 'dialog-actions' },
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => dialog.close('cancel') },
          t('common.cancel'),
        ),
        submit,
      ),
    );
    const dialog = h('dialog', { class: 'decision', 'aria-labelledby': titleId }, form);
    let outcome: Stage | undefined;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (required && reason.value.trim() === '') {
        replace(status, errorBox(t('decision.reasonMissing')));
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      submit.disabled = true;
      try {
        const known = Object.fromEntries(
          answers.map(([key, input]) => [key, input.value.trim()]).filter(([, v]) => v),
        );
        const result = await adminApi.decide(contact.contactId, {
          decision,
          reason: reason.value.trim() || undefined,
          reviewer: currentSession()?.reviewer,
          answers: Object.keys(known).length > 0 ? known : undefined,
        });
        outcome = result.stage;
        dialog.close('done');
      } catch (error) {
        submit.disabled = false;
        replace(status, apiErrorBox(error));
        status.querySelector<HTMLElement>('.error-box')?.focus();
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(outcome);
    });
    document.body.append(dialog);
    dialog.showModal();
    reason.focus();
  });
}
