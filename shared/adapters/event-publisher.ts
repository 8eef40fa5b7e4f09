import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { EventPublisher, OutgoingEvent } from '#shared/activity/event-publisher.ts';
import { countPublishedEvents } from '#shared/runtime/event-metrics.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import '#shared/runtime/validation-messages.ts';

/** PutEvents answers HTTP 200 even when entries failed; this error names the entries that did. */
export class EventPublishError extends Error {
  override name = 'EventPublishError';
}

const MAX_ENTRIES_PER_CALL = 10;
const RETRY_DELAYS_MS = [100, 400];

/**
 * Puts events on the bus after validating each against its contract. Entries that PutEvents reports
 * as failed (FailedEntryCount > 0) are retried, and an error is thrown if any still fail, so the
 * caller's invocation fails and is retried rather than silently dropping an event.
 */
export function eventBridgePublisher(client: EventBridgeClient, eventBusName: string): EventPublisher {
  return {
    async publish(events) {
      const entries = events.map((event) => toEntry(event, eventBusName));
      for (let start = 0; start < entries.length; start += MAX_ENTRIES_PER_CALL) {
        await putWithRetries(client, entries.slice(start, start + MAX_ENTRIES_PER_CALL));
      }
      countPublishedEvents(events.map((event) => event.contract.detailType));
    },
  };
}

/** The publisher of a function with `publish` access to the bus: the bus the wiring names. */
export function busPublisher(): EventPublisher {
  return eventBridgePublisher(new EventBridgeClient({}), readSetting(SETTINGS.eventBusName));
}

function toEntry(event: OutgoingEvent, eventBusName: string): PutEventsRequestEntry {
  const detail = event.contract.schema.parse(event.detail);
  return {
    EventBusName: eventBusName,
    Source: event.contract.source,
    DetailType: event.contract.detailType,
    Detail: JSON.stringify(detail),
  };
}

async function putWithRetries(client: EventBridgeClient, entries: PutEventsRequestEntry[]): Promise<void> {
  let pending = entries;
  for (let attempt = 0; ; attempt += 1) {
    const response = await client.send(new PutEventsCommand({ Entries: pending }));
    if (!response.FailedEntryCount) return;
    const failed = pending.filter((_, index) => response.Entries?.[index]?.ErrorCode);
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      const codes = (response.Entries ?? []).flatMap((entry) => (entry.ErrorCode ? [entry.ErrorCode] : []));
      throw new EventPublishError(
        `${failed.length} of ${entries.length} events could not be put on the bus (${[...new Set(codes)].join(', ')}).`,
      );
    }
    pending = failed;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
