import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SES_EMAIL_EVENTS } from '#events/ses-email-events.ts';
import { functions } from '#infra/wiring/functions.ts';
import { synthLeadflow } from './synth-leadflow.ts';

const { statefulTemplate: template } = synthLeadflow({ stage: 'dev' });

describe('SES feedback reaches the application bus', () => {
  it('publishes bounces, complaints, deliveries, opens and clicks of the configuration set to the default bus', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: Match.stringLikeRegexp('MailConfigurationSet') },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint', 'delivery', 'open', 'click']),
        EventBridgeDestination: { EventBusArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }) },
      },
    });
    const destination = JSON.stringify(template.findResources('AWS::SES::ConfigurationSetEventDestination'));
    expect(destination).toContain(':event-bus/default');
  });

  it('forwards exactly those events of this configuration set to the application bus, which the feedback rule reads', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule?.Properties.EventBusName).toBe('default');
    expect(rule?.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': SES_EMAIL_EVENTS.map((contract) => contract.detailType),
      detail: {
        mail: { tags: { 'ses:configuration-set': [{ Ref: expect.stringMatching(/MailConfigurationSet/) }] } },
      },
    });
    expect(JSON.stringify(rule?.Properties.Targets)).toMatch(/EventBus/);
    const feedbackRule = functions.sesFeedback.triggers[0];
    expect(feedbackRule.pattern['detail-type']).toEqual(rule?.Properties.EventPattern['detail-type']);
  });
});
