import type { EventPublisher, OutgoingEvent } from '#shared/activity/event-publisher.ts';

/** Collects published events after validating them against their contracts, as the real publisher does. */
export class RecordingPublisher implements EventPublisher {
  readonly published: { detailType: string; detail: unknown }[] = [];

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    for (const event of events) {
      this.published.push({
        detailType: event.contract.detailType,
        detail: event.contract.schema.parse(event.detail),
      });
    }
  }

  ofType(detailType: string): unknown[] {
    return this.published.filter((event) => event.detailType === detailType).map((event) => event.detail);
  }
}
