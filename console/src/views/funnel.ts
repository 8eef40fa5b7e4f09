import { adminApi, type FunnelInterval, type FunnelReport } from '../api.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { field, select } from '../components/form.ts';
import { lineChart } from '../components/line-chart.ts';
import { h, replace } from '../dom.ts';
import { format, type MessageKey, t } from '../i18n.ts';
import type { ViewContext } from '../main.ts';
import { navigate } from '../navigate.ts';

const RANGES = ['30', '90', '180', '365'] as const;
const INTERVALS: readonly FunnelInterval[] = ['day', 'week', 'month'];
const DAY_MS = 86_400_000;
/**
 * The stages the funnel counts, in order, each drawn in an Okabe–Ito colour (told apart with the
 * common colour-vision deficiencies) and dashed as well: the chart's lines and the table's columns.
 */
const VOLUMES = [
  { counter: 'leads', label: 'funnel.leads', color: '#0072B2' },
  { counter: 'reviews', label: 'funnel.reviews', color: '#E69F00', dash: [6, 3] },
  { counter: 'prospects', label: 'funnel.prospects', color: '#009E73', dash: [2, 2] },
  { counter: 'customers', label: 'funnel.customers', color: '#56B4E9', dash: [8, 2] },
  { counter: 'recycled', label: 'funnel.recycled', color: '#CC79A7', dash: [10, 4, 2, 4] },
  { counter: 'disqualified', label: 'funnel.disqualified', color: '#D55E00', dash: [1, 4] },
] as const satisfies readonly {
  counter: keyof FunnelReport['totals'];
  label: MessageKey;
  color: string;
  dash?: readonly number[];
}[];

/** A stage's colour, for the conversion rates drawn beside it. */
function colorOf(counter: (typeof VOLUMES)[number]['counter']): string {
  return VOLUMES.find((volume) => volume.counter === counter)?.color ?? 'currentColor';
}

/** The funnel over time: what entered each stage, the conversion rates and the time to qualify. */
export async function renderFunnel(context: ViewContext, params: URLSearchParams): Promise<void> {
  const { main } = context;
  const days = RANGES.includes(params.get('days') as (typeof RANGES)[number])
    ? String(params.get('days'))
    : '90';
  const interval = INTERVALS.includes(params.get('interval') as FunnelInterval)
    ? (params.get('interval') as FunnelInterval)
    : Number(days) > 120
      ? 'week'
      : 'day';
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.parse(today) - (Number(days) - 1) * DAY_MS).toISOString().slice(0, 10);

  const rangeSelect = select(
    RANGES.map((value) => [value, t('funnel.lastDays', { days: value })]),
    days,
  );
  const intervalSelect = select(
    INTERVALS.map((value) => [value, t(`funnel.interval.${value}` as MessageKey)]),
    interval,
  );
  const apply = () => navigate('funnel', { days: rangeSelect.value, interval: intervalSelect.value });
  rangeSelect.addEventListener('change', apply);
  intervalSelect.addEventListener('change', apply);
  const body = h('div', { class: 'funnel-body' }, h('p', { class: 'loading' }, t('common.loading')));
  replace(
    main,
    h('h1', {}, t('funnel.title')),
    h('p', { class: 'lede' }, t('funnel.intro')),
    h(
      'form',
      {
        class: 'toolbar',
        'aria-label': t('funnel.controls'),
        onsubmit: (event: Event) => event.preventDefault(),
      },
      field(t('funnel.range'), rangeSelect),
      field(t('funnel.interval'), intervalSelect),
    ),
    body,
  );

  let report: FunnelReport;
  try {
    report = await adminApi.funnel(from, today, interval);
  } catch (error) {
    if (context.current()) replace(body, apiErrorBox(error));
    return;
  }
  if (!context.current()) return;
  drawReport(body, report);
}

function drawReport(body: HTMLElement, report: FunnelReport): void {
  const { totals, conversion } = report;
  const periods = report.periods.map((period) => period.start);
  const formatPeriod = (day: string) => (report.interval === 'month' ? format.month(day) : format.date(day));
  const axis = {
    formatPeriod,
    formatTick: (day: string) => (report.interval === 'month' ? format.month(day) : format.shortDate(day)),
    periodLabel: t('funnel.period'),
  };
  const volumes = lineChart({
    title: t('funnel.chart.volumes'),
    summary: t('funnel.chart.volumesSummary', {
      from: format.date(report.from),
      to: format.date(report.to),
      leads: totals.leads,
      reviews: totals.reviews,
      prospects: totals.prospects,
    }),
    periods,
    formatValue: (value) => format.number(Math.round(value)),
    ...axis,
    series: VOLUMES.map(({ counter, label, ...line }) => ({
      ...line,
      label: t(label),
      values: report.periods.map((p) => p.counts[counter]),
    })),
  });
  const rates = lineChart({
    title: t('funnel.chart.rates'),
    summary: t('funnel.chart.ratesSummary', {
      leadToReview: format.percent(conversion.leadToReview),
      leadToProspect: format.percent(conversion.leadToProspect),
    }),
    periods,
    formatValue: (value) => format.percent(value),
    ...axis,
    series: [
      {
        label: t('funnel.leadToReview'),
        values: report.periods.map((p) => p.conversion.leadToReview),
        color: colorOf('reviews'),
      },
      {
        label: t('funnel.leadToProspect'),
        values: report.periods.map((p) => p.conversion.leadToProspect),
        color: colorOf('prospects'),
        dash: [6, 3],
      },
      {
        label: t('funnel.reviewAcceptance'),
        values: report.periods.map((p) => p.conversion.reviewAcceptance),
        color: colorOf('leads'),
        dash: [2, 2],
      },
    ],
  });
  replace(
    body,
    h(
      'section',
      { 'aria-labelledby': 'funnel-totals' },
      h(
        'h2',
        { id: 'funnel-totals' },
        t('funnel.totals', { from: format.date(report.from), to: format.date(report.to) }),
      ),
      h(
        'ul',
        { class: 'kpis' },
        kpi(t('funnel.leads'), format.number(totals.leads), 'kpi-leads'),
        kpi(t('funnel.reviews'), format.number(totals.reviews), 'kpi-reviews'),
        kpi(
          t('funnel.prospects'),
          format.number(totals.prospects),
          'kpi-prospects',
          t('funnel.accepted', { count: totals.prospectsAccepted }),
        ),
        kpi(t('funnel.customers'), format.number(totals.customers), 'kpi-customers'),
        kpi(t('funnel.recycled'), format.number(totals.recycled), 'kpi-recycled'),
        kpi(t('funnel.disqualified'), format.number(totals.disqualified), 'kpi-disqualified'),
      ),
      h(
        'ul',
        { class: 'kpis' },
        kpi(t('funnel.leadToReview'), format.percent(conversion.leadToReview), 'kpi-lead-to-review'),
        kpi(t('funnel.reviewAcceptance'), format.percent(conversion.reviewAcceptance), 'kpi-acceptance'),
        kpi(t('funnel.leadToProspect'), format.percent(conversion.leadToProspect), 'kpi-lead-to-prospect'),
        kpi(
          t('funnel.medianTimeToQualify'),
          format.hours(report.timeToQualify.medianHours),
          'kpi-time-to-qualify',
          t('funnel.qualifiedCount', { count: report.timeToQualify.qualified }),
        ),
      ),
    ),
    h('div', { class: 'charts' }, volumes.figure, rates.figure),
    dataTable(report, formatPeriod),
    h('p', { class: 'hint' }, t('funnel.footnote')),
  );
  volumes.mount();
  rates.mount();
}

function kpi(label: string, value: string, id: string, detail?: string): HTMLElement {
  return h(
    'li',
    { class: 'kpi', id },
    h('span', { class: 'kpi-label' }, label),
    h('span', { class: 'kpi-value' }, value),
    detail ? h('span', { class: 'kpi-detail' }, detail) : null,
  );
}

function dataTable(report: FunnelReport, formatPeriod: (day: string) => string): HTMLElement {
  const headers = [
    t('funnel.period'),
    ...VOLUMES.map(({ label }) => t(label)),
    t('funnel.leadToReview'),
    t('funnel.leadToProspect'),
    t('funnel.medianTimeToQualify'),
  ];
  return h(
    'details',
    { class: 'data-table' },
    h('summary', {}, t('funnel.showTable')),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('funnel.tableCaption') },
      h(
        'table',
        {},
        h('caption', {}, t('funnel.tableCaption')),
        h('thead', {}, h('tr', {}, ...headers.map((label) => h('th', { scope: 'col' }, label)))),
        h(
          'tbody',
          {},
          ...report.periods.map((period) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, formatPeriod(period.start)),
              ...VOLUMES.map(({ counter }) => h('td', {}, format.number(period.counts[counter]))),
              h('td', {}, format.percent(period.conversion.leadToReview)),
              h('td', {}, format.percent(period.conversion.leadToProspect)),
              h('td', {}, format.hours(period.medianHoursToQualify)),
            ),
          ),
        ),
      ),
    ),
  );
}
