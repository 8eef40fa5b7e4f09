import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Activity } from '#shared/activity/activity.ts';
import { activityRetentionDays } from '#shared/activity/retention.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type {
  ActivityRecord,
  Announcement,
  ContactRepository,
  FailedAnnouncement,
  ScoreUpdate,
} from '#shared/contact/contact-repository.ts';
import {
  ANSWER_ATTRIBUTES,
  activityFromItem,
  activityItem,
  contactFromItem,
  PROFILE_FIELDS,
  readingAttributeOf,
  transitionItem,
} from './contact-item.ts';
import {
  CONTACTS_BY_SCORE_INDEX,
  SCORE_GRADE_ATTRIBUTE,
  SEARCH_TEXT_ATTRIBUTE,
} from './contact-list-indexes.ts';
import { readContactPartition } from './contact-partition.ts';
import { outboxItem, outboxKey } from './dynamodb-activity-outbox.ts';
import { RESCORE_DUE_INDEX, REVIEW_QUEUE_INDEX } from './indexes.ts';
import { contactKey, SK_PREFIX } from './keys.ts';
import { nurtureKey } from './nurture-keys.ts';
import { transactConditionally } from './transaction.ts';
import { UpdateExpressionBuilder } from './update-expression.ts';

/** The contact store on one DynamoDB table (layout in keys.ts). */
export class DynamoDbContactRepository implements ContactRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly retentionDays: number;

  /** `retentionDays`: how long activities are kept before the table's TTL removes them. */
  constructor(client: DynamoDBDocumentClient, tableName: string, retentionDays = activityRetentionDays()) {
    this.client = client;
    this.tableName = tableName;
    this.retentionDays = retentionDays;
  }

  async recordActivity(record: ActivityRecord): Promise<'recorded' | 'duplicate'> {
    const { activity, contactId } = record;
    const now = activity.recordedAt;
    const update = new UpdateExpressionBuilder()
      .set('entity', 'contact')
      .set('contactId', contactId)
      .set('email', record.profile.email)
      .set('updatedAt', now)
      .setIfAbsent('createdAt', now)
      .setIfAbsent('stage', 'lead')
      .set('consent', record.consent)
      .setIfAbsent('firstTouch', record.touch)
      .set('lastTouch', record.touch)
      .add('version', 1)
      .add('activityCount', 1);
    for (const field of PROFILE_FIELDS) update.set(field, record.profile[field]);
    for (const [answer, attribute] of Object.entries(ANSWER_ATTRIBUTES)) {
      const key = answer as keyof typeof ANSWER_ATTRIBUTES;
      if (record.answers[key] === undefined) continue;
      update.set(attribute, record.answers[key]);
      // A new answer keeps a reading only if it came with one (a mapped form option).
      const reading = record.answerReadings?.[key];
      if (reading) update.set(readingAttributeOf(key), reading);
      else update.remove(readingAttributeOf(key));
    }
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: activityItem(activity, this.retentionDays),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // The outbox entry of "Contact Activity Recorded": written with the activity, or not at all.
        { Put: { TableName: this.tableName, Item: outboxItem(activity) } },
        {
          Update: {
            TableName: this.tableName,
            Key: contactKey(contactId),
            UpdateExpression: update.expression(),
            ExpressionAttributeNames: update.names,
            ExpressionAttributeValues: update.values,
          },
        },
      ],
    });
    const outcome = await this.transact(command);
    return outcome === 'saved' ? 'recorded' : 'duplicate';
  }

  async markActivityAnnounced(activity: Pick<Activity, 'activityId' | 'recordedAt'>): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: outboxKey(activity) }));
  }

  async load(contactId: string): Promise<{ contact: Contact; activities: Activity[] } | undefined> {
    const items = await readContactPartition(this.client, this.tableName, contactId);
    const profile = items.find((item) => item.sk === 'PROFILE');
    if (!profile) return undefined;
    const activities = items
      .filter((item) => String(item.sk).startsWith(SK_PREFIX.activity))
      .map(activityFromItem)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    return { contact: contactFromItem(profile), activities };
  }

  async erasedAt(contactId: string): Promise<string | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: nurtureKey(contactId),
        ProjectionExpression: 'erasedAt',
        ConsistentRead: true,
      }),
    );
    return typeof Item?.erasedAt === 'string' ? Item.erasedAt : undefined;
  }

  async saveScore(
    contactId: string,
    expectedVersion: number,
    update: ScoreUpdate,
  ): Promise<'saved' | 'conflict'> {
    const builder = new UpdateExpressionBuilder()
      .set('score', update.score)
      .set('stage', update.stage)
      .set('interest', update.interest)
      .set('qualification', update.qualification)
      .set('recycledAt', update.recycledAt)
      .add('version', 1);
    // `updatedAt` is the sort key of the console's recently-updated list: a stage change moves the
    // contact there (its index entry is rewritten anyway, the stage being the partition key), a
    // re-score alone does not, so a score costs one index update instead of a delete and a put.
    if (update.transition) builder.set('updatedAt', update.score.scoredAt);
    setLifecycleAttributes(builder, update);
    setListAttributes(builder, update);
    const condition = `${builder.name('version')} = ${builder.value(expectedVersion)}`;
    const contactUpdate = {
      TableName: this.tableName,
      Key: contactKey(contactId),
      UpdateExpression: builder.expression(),
      ConditionExpression: condition,
      ExpressionAttributeNames: builder.names,
      ExpressionAttributeValues: builder.values,
    };
    const { transition } = update;
    if (!transition) {
      return this.conditional(() => this.client.send(new UpdateCommand(contactUpdate)));
    }
    return this.transact(
      new TransactWriteCommand({
        TransactItems: [
          { Update: contactUpdate },
          {
            Put: {
              TableName: this.tableName,
              Item: transitionItem(contactId, transition),
            },
          },
        ],
      }),
    );
  }

  async markAnnounced(contactId: string, announcement: Announcement, at: string): Promise<void> {
    const builder = new UpdateExpressionBuilder().set(`${announcement.kind}.announcedAt`, at);
    const idPath =
      announcement.kind === 'qualification' ? 'qualification.qualificationId' : 'review.reviewRequestId';
    await this.conditionalUpdate(
      contactId,
      builder,
      `${builder.name(idPath)} = ${builder.value(announcement.id)}`,
    );
  }

  async markAnnounceFailed(
    contactId: string,
    announcement: Announcement,
    failed: FailedAnnouncement,
  ): Promise<void> {
    const { kind } = announcement;
    const builder = new UpdateExpressionBuilder()
      .set(`${kind}.announceAttempts`, failed.attempts)
      .set(`${kind}.lastAnnounceFailure`, failed.failure)
      .set(RESCORE_DUE_INDEX.partitionKey, RESCORE_DUE_INDEX.due)
      .set(RESCORE_DUE_INDEX.sortKey, failed.retryAt);
    if (failed.deadLetteredAt) builder.set(`${kind}.deadLetteredAt`, failed.deadLetteredAt);
    const idPath = kind === 'qualification' ? 'qualification.qualificationId' : 'review.reviewRequestId';
    await this.conditionalUpdate(
      contactId,
      builder,
      `${builder.name(idPath)} = ${builder.value(announcement.id)} AND attribute_not_exists(${builder.name(`${kind}.announcedAt`)})`,
    );
  }

  private conditionalUpdate(
    contactId: string,
    builder: UpdateExpressionBuilder,
    condition: string,
  ): Promise<'saved' | 'conflict'> {
    return this.conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: contactKey(contactId),
          UpdateExpression: builder.expression(),
          ConditionExpression: condition,
          ExpressionAttributeNames: builder.names,
          ExpressionAttributeValues: builder.values,
        }),
      ),
    );
  }

  /** Runs a conditional write; a failed condition is an expected outcome, not an error. */
  private async conditional(write: () => Promise<unknown>): Promise<'saved' | 'conflict'> {
    try {
      await write();
      return 'saved';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'conflict';
      throw error;
    }
  }

  /** The first item of every transaction here carries the decisive condition. */
  private transact(command: TransactWriteCommand): Promise<'saved' | 'conflict'> {
    return transactConditionally(this.client, command, (codes) => codes[0] === 'ConditionalCheckFailed');
  }
}

/**
 * The lifecycle attributes written with a score: a new review joins the sparse review queue (and
 * leaving `review` leaves it), answers a person gave are stored, and the re-score schedule is set or
 * cleared, all in the one conditional write, so the indexes never disagree with the stage.
 */
function setLifecycleAttributes(builder: UpdateExpressionBuilder, update: ScoreUpdate): void {
  if (update.stage !== 'review') {
    builder.remove('review').remove(REVIEW_QUEUE_INDEX.partitionKey).remove(REVIEW_QUEUE_INDEX.sortKey);
  } else if (update.review) {
    builder
      .set('review', update.review)
      .set(REVIEW_QUEUE_INDEX.partitionKey, REVIEW_QUEUE_INDEX.pending)
      .set(REVIEW_QUEUE_INDEX.sortKey, `${update.review.requestedAt}#${update.review.reviewRequestId}`);
  }
  for (const [answer, attribute] of Object.entries(ANSWER_ATTRIBUTES)) {
    const value = update.answers?.[answer as keyof typeof ANSWER_ATTRIBUTES]?.trim();
    if (value)
      builder.set(attribute, value).remove(readingAttributeOf(answer as keyof typeof ANSWER_ATTRIBUTES));
  }
  if (update.rescoreDueAt) {
    builder
      .set(RESCORE_DUE_INDEX.partitionKey, RESCORE_DUE_INDEX.due)
      .set(RESCORE_DUE_INDEX.sortKey, update.rescoreDueAt);
  } else {
    builder.remove(RESCORE_DUE_INDEX.partitionKey).remove(RESCORE_DUE_INDEX.sortKey);
  }
}

/**
 * What the contact-list indexes read, written with the score it comes from: the total (the numeric
 * sort key of ContactsByStageAndScore), the grade, and the folded search text.
 */
function setListAttributes(builder: UpdateExpressionBuilder, update: ScoreUpdate): void {
  builder
    .set(CONTACTS_BY_SCORE_INDEX.sortKey, update.score.total)
    .set(SCORE_GRADE_ATTRIBUTE, update.score.grade)
    .set(SEARCH_TEXT_ATTRIBUTE, update.searchText);
}
