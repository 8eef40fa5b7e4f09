import { describe, expect, it } from 'vitest';
import { DECISION_FROM, REVIEW_DECISIONS } from '#shared/review/decide-review.ts';
import { DECISIONS_FROM } from '../../../console/src/decisions.ts';

describe("the console's decisions", () => {
  it('offer exactly the decisions the review API takes, on exactly the stages it allows them', () => {
    expect(Object.keys(DECISIONS_FROM).sort()).toEqual([...REVIEW_DECISIONS].sort());
    for (const decision of REVIEW_DECISIONS) {
      expect(DECISIONS_FROM[decision], decision).toEqual(DECISION_FROM[decision]);
    }
  });
});
