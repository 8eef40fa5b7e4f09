import { describe, expect, it } from 'vitest';
import { DECISION_FROM, REASON_REQUIRED, REVIEW_DECISIONS } from '#shared/review/review-rules.ts';
import {
  REASON_REQUIRED as CONSOLE_REASON_REQUIRED,
  DECISIONS_FROM,
  requestedDecision,
} from '../../../console/src/decisions.ts';

describe("the console's decisions", () => {
  it('offer exactly the decisions the review API takes, on exactly the stages it allows them', () => {
    expect(Object.keys(DECISIONS_FROM).sort()).toEqual([...REVIEW_DECISIONS].sort());
    for (const decision of REVIEW_DECISIONS) {
      expect(DECISIONS_FROM[decision], decision).toEqual(DECISION_FROM[decision]);
    }
  });

  it('ask for a reason exactly where the review API requires one', () => {
    expect([...CONSOLE_REASON_REQUIRED].sort()).toEqual([...REASON_REQUIRED].sort());
  });

  it("open the dialog a notification's button asks for, only while the stage still allows it", () => {
    const asking = (decision: string) => new URLSearchParams({ decide: decision });
    expect(requestedDecision(asking('accept'), 'review')).toBe('accept');
    expect(requestedDecision(asking('disqualify'), 'prospect')).toBe('disqualify');
    // Someone already accepted it: the link opens the page, not a dialog that would answer 409.
    expect(requestedDecision(asking('accept'), 'prospect')).toBeUndefined();
    expect(requestedDecision(asking('erase'), 'review')).toBeUndefined();
    expect(requestedDecision(new URLSearchParams(), 'review')).toBeUndefined();
  });
});
