import type { NoticeLog } from '#shared/notify/notice-log.ts';
import type { Mailer } from '#shared/nurture/mailer.ts';
import { logger } from '#shared/runtime/logger.ts';
import type { QuotaDecision } from './decide-quota.ts';
import type { BreakerState } from './sending-ledger.ts';

/** Tells marketing (once per event) that nurture has stopped sending, and why. */
export interface SendingAlerts {
  breakerTripped(state: Extract<BreakerState, { status: 'open' }>): Promise<void>;
  quotaHeld(decision: Extract<QuotaDecision, { kind: 'hold' }>, now: Date): Promise<void>;
}

/** The notice log's partition for account-wide notices (no contact's). */
const SENDING_NOTICES = 'SENDING';

const percent = (rate: number) => `${Number((rate * 100).toPrecision(3))} %`;

/**
 * Plain-text alerts to the marketing addresses, each claimed in the notice log first so that many
 * senders noticing the same pause tell marketing once. An alert that fails to go out is logged and
 * released: it must never stop the sender that noticed the pause.
 */
export function marketingAlerts(deps: {
  readonly mailer: Mailer;
  readonly notices: NoticeLog;
  readonly recipients: readonly string[];
}): SendingAlerts {
  const tell = async (key: string, subject: string, text: string, at: string) => {
    for (const to of deps.recipients) {
      const notice = `alert#${key}#${to}`;
      // A sender that dies mid-send leaves a lease another sender takes over a minute later.
      const leaseUntil = new Date(Date.parse(at) + 60_000).toISOString();
      if (!(await deps.notices.claim(SENDING_NOTICES, notice, at, leaseUntil))) continue;
      try {
        await deps.mailer.send({
          to,
          subject,
          text,
          html: `<pre>${escapeHtml(text)}</pre>`,
          tags: { kind: 'internal' },
        });
        await deps.notices.confirm(SENDING_NOTICES, notice, at);
      } catch (error) {
        logger.error('sending alert not sent', {
          key,
          error: error instanceof Error ? error.name : 'unknown',
        });
        await deps.notices.release(SENDING_NOTICES, notice);
      }
    }
  };
  return {
    breakerTripped: (state) =>
      tell(
        `breaker#${state.trippedAt}`,
        `leadflow paused nurture email: ${state.reason === 'bounces' ? 'bounce' : 'complaint'} rate too high`,
        [
          `Nurture email stopped at ${state.trippedAt} to protect the sending domain.`,
          `Since ${state.figures.from}: ${state.figures.sends} sent, ${state.figures.bounces} hard bounces (${percent(state.figures.bounceRate)}), ${state.figures.complaints} complaints (${percent(state.figures.complaintRate)}).`,
          'Confirmations, preference emails and team notifications still go out.',
          'Find the cause (a bought or old list, a broken sign-up form), then a console user resumes nurture from the banner.',
        ].join('\n'),
        state.trippedAt,
      ),
    quotaHeld: (decision, now) => {
      const day = now.toISOString().slice(0, 10);
      const limit =
        decision.reason === 'warm-up' ? "today's warm-up cap" : "nurture's share of the SES 24-hour quota";
      return tell(
        `${decision.reason}#${day}`,
        `leadflow is holding nurture email: ${limit} is reached`,
        [
          `${decision.used} emails went out in the last 24 hours; ${limit} is ${decision.budget}.`,
          'Nurture emails wait and go out as the rolling 24 hours free up; none is dropped.',
          decision.reason === 'warm-up'
            ? 'The cap rises day by day as the warm-up schedule in mail.sending.warmUp says.'
            : 'Ask AWS for a higher SES sending quota if this happens often.',
        ].join('\n'),
        now.toISOString(),
      );
    },
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
