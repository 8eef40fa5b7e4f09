import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { HttpProblem } from '#shared/http/problem.ts';
import { parseBody } from '#shared/http/request.ts';

/**
 * zod/mini loads no locale: without shared/runtime/validation-messages.ts every default message
 * would read "Invalid input". This file loads no classic zod (which would load English itself).
 */
describe('validation messages', () => {
  it('are zod’s English ones in the errors of a 400 body', () => {
    const schema = z.object({
      email: z.string(),
      size: z.number().check(z.int()),
      name: z.string().check(z.maxLength(3)),
    });
    const problem = (() => {
      try {
        parseBody(schema, { size: 1.5, name: 'four' });
      } catch (error) {
        return error;
      }
    })();
    expect(problem).toBeInstanceOf(HttpProblem);
    expect((problem as HttpProblem).extensions.errors).toEqual([
      { field: 'email', message: 'Invalid input: expected string, received undefined' },
      { field: 'size', message: 'Invalid input: expected int, received number' },
      { field: 'name', message: 'Too big: expected string to have <=3 characters' },
    ]);
  });
});
