import * as z from 'zod/mini';
import { INCOMING_CATALOG } from '#events/catalog.ts';

/** An event file for `npm run put-event`: what an integration would put, as `aws events put-events` names it. */
const eventFileSchema = z.object({
  Source: z.string().check(z.minLength(1)),
  DetailType: z.string().check(z.minLength(1)),
  Detail: z.record(z.string(), z.unknown()),
});

export type LocalEventEntry = z.infer<typeof eventFileSchema>;

/**
 * Reads an event file and checks its detail against the contract of the signal it names, so a
 * mistake is told here, in words, rather than as a dead letter of the running pipeline.
 */
export function eventEntryFrom(
  text: string,
): { ok: true; entry: LocalEventEntry } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The file is not JSON.' };
  }
  const file = eventFileSchema.safeParse(json);
  if (!file.success) {
    return {
      ok: false,
      problem: 'The file needs "Source", "DetailType" and a "Detail" object, as in `aws events put-events`.',
    };
  }
  const entry = file.data;
  const contract = INCOMING_CATALOG.find(
    (candidate) => candidate.source === entry.Source && candidate.detailType === entry.DetailType,
  );
  if (!contract) {
    const known = INCOMING_CATALOG.map((candidate) => `"${candidate.detailType}"`).join(', ');
    return {
      ok: false,
      problem: `leadflow takes ${known} with source "${INCOMING_CATALOG[0]?.source}", not "${entry.DetailType}" from "${entry.Source}".`,
    };
  }
  const detail = contract.schema.safeParse(entry.Detail);
  if (!detail.success) {
    const issues = detail.error.issues.map(
      (issue) => `${issue.path.join('.') || '(detail)'}: ${issue.message}`,
    );
    return {
      ok: false,
      problem: `The detail breaks the "${entry.DetailType}" contract: ${issues.join('; ')}.`,
    };
  }
  return { ok: true, entry };
}
