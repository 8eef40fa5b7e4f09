import { type Child, h, uid } from '../dom.ts';

/** A labelled field: the label names the input, a hint is tied to it with aria-describedby. */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: Child,
): HTMLElement {
  control.id ||= uid('field');
  const hintId = hint ? uid('hint') : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
  );
}

/** An error summary that takes the focus, so the person hears what went wrong and where. */
export function errorBox(title: string, lines: readonly string[] = []): HTMLElement {
  const box = h(
    'div',
    { class: 'error-box', role: 'alert', tabindex: '-1' },
    h('p', { class: 'error-title' }, title),
    lines.length > 0 ? h('ul', { class: 'error-list' }, ...lines.map((line) => h('li', {}, line))) : null,
  );
  return box;
}

export function select(
  options: readonly (readonly [string, string])[],
  selected?: string,
): HTMLSelectElement {
  return h(
    'select',
    {},
    ...options.map(([value, label]) => h('option', { value, selected: value === selected }, label)),
  );
}
