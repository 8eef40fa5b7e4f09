import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ContactListBackfill } from '#shared/bulk/job-kind.ts';
import { contactSearchText } from '#shared/contact/contact-search-text.ts';
import { contactFromItem } from './contact-item.ts';
import {
  CONTACTS_BY_SCORE_INDEX,
  SCORE_GRADE_ATTRIBUTE,
  SEARCH_TEXT_ATTRIBUTE,
} from './contact-list-indexes.ts';
import { contactKey } from './keys.ts';
import { UpdateExpressionBuilder } from './update-expression.ts';

/**
 * Writes the list attributes a stored contact lacks, from what it holds: the total and grade of its
 * stored score, and its folded search text. The write is conditional on the version read, so a
 * score written meanwhile (which writes them itself) is never overwritten with older values.
 */
export class DynamoDbContactListBackfill implements ContactListBackfill {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async backfill(contactId: string): Promise<'written' | 'current'> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: contactKey(contactId), ConsistentRead: true }),
    );
    if (!Item) return 'current';
    const contact = contactFromItem(Item);
    const builder = new UpdateExpressionBuilder();
    if (Item[SEARCH_TEXT_ATTRIBUTE] === undefined)
      builder.set(SEARCH_TEXT_ATTRIBUTE, contactSearchText(contact));
    if (Item[CONTACTS_BY_SCORE_INDEX.sortKey] === undefined && contact.score) {
      builder
        .set(CONTACTS_BY_SCORE_INDEX.sortKey, contact.score.total)
        .set(SCORE_GRADE_ATTRIBUTE, contact.score.grade);
    }
    if (Object.keys(builder.values).length === 0) return 'current';
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: contactKey(contactId),
          UpdateExpression: builder.expression(),
          ConditionExpression: `#version = ${builder.value(contact.version)}`,
          ExpressionAttributeNames: { ...builder.names, '#version': 'version' },
          ExpressionAttributeValues: builder.values,
        }),
      );
      return 'written';
    } catch (error) {
      // The contact was written meanwhile: that write carried the list attributes itself.
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'current';
      throw error;
    }
  }
}
