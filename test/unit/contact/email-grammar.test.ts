import fc from 'fast-check';
import validatorIsEmail from 'validator/lib/isEmail.js';
import { describe, expect, it } from 'vitest';
import { leadReviewRequested } from '#events/lead-review-requested.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import {
  leadReviewRequestedDetail,
  prospectQualifiedDetail,
} from '#shared/lifecycle/prospect-qualified-detail.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import { aContact, NOW } from '../../support/builders.ts';

const isEmail = validatorIsEmail as unknown as typeof import('validator')['default']['isEmail'];

/** Every contract that carries an accepted address, with a detail built the way commitStage builds it. */
function handOffsAccept(email: string): boolean {
  const contact = aContact({ email });
  const score = scoreContact(
    { contact, email: classifyEmail(email), activities: [] },
    defaultScoringModel,
    NOW,
  );
  const at = NOW.toISOString();
  const qualified = prospectQualifiedDetail(
    contact,
    score,
    [],
    { qualificationId: 'q_1', qualifiedAt: at, by: { kind: 'auto' } },
    'qualified',
  );
  const review = leadReviewRequestedDetail(contact, score, [], {
    reviewRequestId: 'r_1',
    requestedAt: at,
    reason: 'hand-raise',
  });
  return (
    prospectQualified.schema.safeParse(qualified).success &&
    leadReviewRequested.schema.safeParse(review).success
  );
}

const SPECIALS = "!#$%&'*+/=?^_`{|}~-";
const unusualLocal = fc
  .array(
    fc
      .stringMatching(/^[a-z0-9]+$/)
      .filter(Boolean)
      .chain((word) => fc.constantFrom(...SPECIALS).map((special) => `${special}${word}`)),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join('.'));
const internationalDomain = fc.constantFrom('müller.de', 'пример.рф', '例え.jp', 'acme.io', 'Bücher.CH');
const internationalLocal = fc.constantFrom('josé', 'zoë', 'δοκιμή', '用户', 'jane doe', '"jane"', '"a b"');

const addresses = fc.oneof(
  fc.emailAddress(),
  fc.tuple(unusualLocal, fc.domain()).map(([local, domain]) => `${local}@${domain}`),
  fc
    .tuple(fc.emailAddress(), internationalDomain)
    .map(([email, domain]) => `${email.split('@')[0]}@${domain}`),
  fc.tuple(internationalLocal, internationalDomain).map(([local, domain]) => `${local}@${domain}`),
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `${text}@acme.io`),
);

describe('one address grammar for intake and every hand-off contract', () => {
  it('accepted at intake ⇒ accepted by "Prospect Qualified" and "Lead Review Requested"', () => {
    fc.assert(
      fc.property(addresses, (raw) => {
        const normalized = normalizeEmail(raw);
        if (normalized.ok) expect(handOffsAccept(normalized.email), normalized.email).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts what a well-kept validator refuses', () => {
    fc.assert(
      fc.property(addresses, (raw) => {
        const normalized = normalizeEmail(raw);
        if (normalized.ok)
          expect(isEmail(normalized.email, { require_tld: true }), normalized.email).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every valid ASCII address, whatever its special characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.emailAddress(),
          fc.tuple(unusualLocal, fc.domain()).map(([l, d]) => `${l}@${d}`),
        ),
        (raw) => {
          expect(normalizeEmail(raw)).toMatchObject({ ok: true });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['john&jane@company.com', 'john&jane@company.com'],
    ['first~last@acme.io', 'first~last@acme.io'],
    ["o'neil@acme.ie", "o'neil@acme.ie"],
    ['ivan@пример.рф', 'ivan@xn--e1afmkfd.xn--p1ai'],
  ])('takes the unusual but valid %j and hands it off', (raw, stored) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, email: stored });
    expect(handOffsAccept(stored)).toBe(true);
  });

  it.each([['josé@acme.io'], ['"jane doe"@acme.io'], ['用户@例え.jp']])(
    'refuses %j, which SES cannot send to, saying why',
    (raw) => {
      const result = normalizeEmail(raw);
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/before the @/) });
    },
  );
});
