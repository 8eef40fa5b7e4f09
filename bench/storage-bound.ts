import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';

/**
 * The yardstick for throughput: how many plain UpdateItem calls per second the same DynamoDB
 * Local answers with the same number of concurrent clients, on items of a contact's size.
 */
export async function rawUpdatesPerSecond(options: {
  endpoint: string;
  tableName: string;
  concurrency: number;
  durationMs: number;
}): Promise<{ updates: number; perSecond: number }> {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const profile = 'x'.repeat(700);
  let done = 0;
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let n = 0; performance.now() < deadline; n += 1) {
        await client.send(
          new UpdateItemCommand({
            TableName: options.tableName,
            Key: { pk: { S: `BENCH#${worker}#${n}` }, sk: { S: 'PROFILE' } },
            UpdateExpression: 'SET profile = :profile ADD version :one',
            ExpressionAttributeValues: { ':profile': { S: profile }, ':one': { N: '1' } },
          }),
        );
        done += 1;
      }
    }),
  );
  client.destroy();
  return { updates: done, perSecond: done / ((performance.now() - started) / 1000) };
}
