import { describe, expect, it } from 'vitest';
import { DECISION_FROM, REASON_REQUIRED, REVIEW_DECISIONS } from '#shared/review/review-rules.ts';
import {
  REASON_REQUIRED as CONSOLE_REASON_REQUIRED,
  DECISIONS_FROM,
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
});
