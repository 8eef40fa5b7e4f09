import { type CfnElement, type Stack, Token, Validations } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

/** How the CDK names the one function that copies files for every BucketDeployment of a stack. */
export const BUCKET_DEPLOYMENT_HANDLER = /^Custom::CDKBucketDeployment/;

/** The object actions the CDK grants its BucketDeployment function on the two buckets it copies between. */
const OBJECT_ACTIONS = ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'];

/**
 * The CDK's BucketDeployment copies the console's files with a function of its own, whose role the
 * CDK writes: it runs at deploy time only, never with a request or personal data. Its findings are
 * acknowledged one by one (each action and resource), so a wider grant would still be reported.
 */
export function acknowledgeBucketDeployment(stack: Stack, destination: IBucket): void {
  const destinationArn = `<${stack.getLogicalId(destination.node.defaultChild as CfnElement)}.Arn>/*`;
  // cdk-nag names the CDK's staging bucket as the template has it: placeholders where the stack is
  // environment-agnostic, real values where the stage pins its account and region.
  const part = (value: string, placeholder: string) => (Token.isUnresolved(value) ? placeholder : value);
  const stagingArn =
    `arn:${part(stack.partition, '<AWS::Partition>')}:s3:::cdk-hnb659fds-assets-` +
    `${part(stack.account, '<AWS::AccountId>')}-${part(stack.region, '<AWS::Region>')}/*`;
  for (const construct of stack.node.children) {
    if (!BUCKET_DEPLOYMENT_HANDLER.test(construct.node.id)) continue;
    Validations.of(construct).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'The CDK pins the runtime of its BucketDeployment function and moves it with CDK releases; it runs ' +
          'only at deploy time and handles no request or personal data.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "The CDK's BucketDeployment function logs through the AWS-managed basic execution policy; it " +
          'runs only during a deploy, to copy the built console into its bucket.',
      },
      ...[
        ...OBJECT_ACTIONS.map((action) => `Action::${action}`),
        `Resource::${destinationArn}`,
        `Resource::${stagingArn}`,
      ].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason:
          "The CDK's BucketDeployment function reads the staged console asset and replaces the objects " +
          'of the console bucket: object-level wildcards on those two buckets only, written by the CDK.',
      })),
    );
  }
}
