import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

type Key = { readonly pk: string; readonly sk: string };

/**
 * A claim that expires: written when there is none, or when an earlier one was never confirmed and
 * its lease has passed (its invocation died mid-send). A claim written before leases existed has
 * neither `sentAt` nor `leaseUntil`, and counts as confirmed. False when the claim is held.
 */
export async function claimWithLease(
  client: DynamoDBDocumentClient,
  tableName: string,
  item: Key & Record<string, unknown>,
  at: string,
  leaseUntil: string,
): Promise<boolean> {
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...item, leaseUntil },
        ConditionExpression:
          'attribute_not_exists(pk) OR (attribute_not_exists(sentAt) AND leaseUntil < :now)',
        ExpressionAttributeValues: { ':now': at },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** The claimed work is done: the claim never expires. */
export async function confirmClaim(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Key,
  at: string,
): Promise<void> {
  await client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET sentAt = :at REMOVE leaseUntil',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}
