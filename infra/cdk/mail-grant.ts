import { Stack, Validations } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';

export interface MailSender {
  /** `leads@example.com` or `Leadflow <leads@example.com>`. */
  readonly mailFrom: string;
  readonly configurationSet: IConfigurationSet;
}

/** The bare address inside a sender such as `Leadflow <leads@example.com>`. */
export function senderAddress(mailFrom: string): string {
  const address = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
    throw new Error(
      `Mail sender "${mailFrom}" does not contain an e-mail address such as leads@example.com.`,
    );
  }
  return address;
}

/**
 * Lets a function send mail as the configured sender and nothing else. SES authorizes a send
 * against the identity it verified (the address itself, or its whole domain) and against the
 * configuration set named in the request, so the statement names exactly those ARNs; there is no
 * `ses:*` and no `*` resource.
 */
export function grantSendMail(grantee: IGrantable, sender: MailSender): Grant {
  const stack = Stack.of(sender.configurationSet);
  const address = senderAddress(sender.mailFrom);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const identityArn = (name: string) =>
    stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
  return Grant.addToPrincipal({
    grantee,
    actions: ['ses:SendEmail', 'ses:SendRawEmail'],
    resourceArns: [
      identityArn(domain),
      identityArn(address),
      stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: sender.configurationSet.configurationSetName,
      }),
    ],
  });
}

/**
 * Lets a function read the account's sending quota (`GetAccount`). SES has no resource for it: the
 * action is account-wide, so its resource is `*`, acknowledged here for this one action.
 */
export function grantReadSendQuota(fn: IFunction): Grant {
  const grant = Grant.addToPrincipal({ grantee: fn, actions: ['ses:GetAccount'], resourceArns: ['*'] });
  // The statement lands in the role's default policy, which is where cdk-nag looks for it.
  Validations.of(fn.role ?? fn).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      "ses:GetAccount (the account's send quota and rate) is account-wide: IAM offers no narrower " +
      'resource, and the statement grants that read-only action alone.',
  });
  return grant;
}
