import { describe, expect, it } from 'vitest';
import { matchesEventPattern, validateEventPattern } from '#infra/local/eventbridge/event-pattern.ts';
import type { EventPattern } from '#infra/wiring/types.ts';

/**
 * Table tests for the local EventBridge pattern semantics. Each group's patterns and events come from the
 * Amazon EventBridge user guide section named above it (plus the Event Ruler README, the engine behind
 * EventBridge, where the guide is silent); negative cases are the same examples with one value changed.
 */

interface MatchCase {
  readonly name: string;
  readonly pattern: EventPattern;
  readonly event: unknown;
  readonly matches: boolean;
}

/** "Event patterns": the Amazon EC2 state-change event the guide builds its examples on. */
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** Event Ruler README, "Ruler by Example": the event its content-filtering examples run against. */
const rulerEvent = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

/** "Matching null values and empty strings": the Auto Scaling launch event. */
const autoScalingEvent = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

function withDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return { ...rulerEvent, detail };
}

const eventPatterns: MatchCase[] = [
  // "Event patterns": fields are ANDed, values in an array are ORed, unnamed fields are ignored.
  {
    name: 'the EC2 instance-termination pattern matches a terminated instance',
    pattern: {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'the EC2 instance-termination pattern skips a running instance',
    pattern: { source: ['aws.ec2'], detail: { state: ['terminated'] } },
    event: { ...ec2Event, detail: { ...ec2Event.detail, state: 'running' } },
    matches: false,
  },
  {
    name: 'fields the pattern does not name are ignored',
    pattern: { source: ['aws.ec2'] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'a field the pattern names must be present',
    pattern: { detail: { 'previous-state': ['running'] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'a field must appear with the same nesting',
    pattern: { state: ['terminated'] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'strings match character by character, case included',
    pattern: { source: ['AWS.EC2'] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'any value of a field array may match',
    pattern: { detail: { state: ['initializing', 'running', 'terminated'] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'every envelope field can be matched',
    pattern: {
      version: ['0'],
      id: ['6a7e8feb-b491-4cf7-a9f1-bf3703467718'],
      account: ['111122223333'],
      region: ['us-west-1'],
      time: ['2017-12-22T18:43:48Z'],
    },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'a number matches the same number',
    pattern: { detail: { 'c-count': [5] } },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'a number does not match its string form',
    pattern: { detail: { 'c-count': ['5'] } },
    event: rulerEvent,
    matches: false,
  },
  {
    name: 'true matches the JSON literal true',
    pattern: { detail: { enabled: [true] } },
    event: withDetail({ enabled: true }),
    matches: true,
  },
  {
    name: 'true does not match the string "true"',
    pattern: { detail: { enabled: [true] } },
    event: withDetail({ enabled: 'true' }),
    matches: false,
  },
];

const nullAndEmpty: MatchCase[] = [
  // "Matching null values and empty strings".
  {
    name: 'an empty string matches an empty string',
    pattern: { detail: { eventVersion: [''] } },
    event: autoScalingEvent,
    matches: true,
  },
  {
    name: 'null matches null',
    pattern: { detail: { responseElements: [null] } },
    event: autoScalingEvent,
    matches: true,
  },
  {
    name: 'an empty string does not match null',
    pattern: { detail: { responseElements: [''] } },
    event: autoScalingEvent,
    matches: false,
  },
  {
    name: 'null does not match an empty string',
    pattern: { detail: { eventVersion: [null] } },
    event: autoScalingEvent,
    matches: false,
  },
  {
    name: 'null does not match a missing field',
    pattern: { detail: { userId: [null] } },
    event: autoScalingEvent,
    matches: false,
  },
];

const arrays: MatchCase[] = [
  // "Arrays in Amazon EventBridge event patterns": an event array matches when the intersection is non-empty.
  {
    name: 'resources match when one pattern value is among the event resources',
    pattern: {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    },
    event: {
      ...ec2Event,
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    },
    matches: true,
  },
  {
    name: 'resources do not match when the arrays share nothing',
    pattern: { resources: ['arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f'] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'null does not match an empty event array',
    pattern: { resources: [null] },
    event: autoScalingEvent,
    matches: false,
  },
  // Event Ruler README, "JSON Array Matching": objects inside arrays are matched one element at a time.
  {
    name: 'a field of one object in an event array matches',
    pattern: { employees: { firstName: ['Anna'] } },
    event: {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    },
    matches: true,
  },
  {
    name: 'two fields never match across two different array elements',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
    event: {
      employees: [
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    },
    matches: false,
  },
  {
    name: 'multi-level arrays of objects are searched too',
    pattern: { employees: { firstName: ['Peter'] } },
    event: {
      employees: [[{ firstName: 'John', lastName: 'Doe' }], [{ firstName: 'Peter', lastName: 'Jones' }]],
    },
    matches: true,
  },
];

const prefixAndSuffix: MatchCase[] = [
  // "Content filtering" > "Prefix matching".
  {
    name: 'time starting with 2017-10-02 matches',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'time starting elsewhere does not',
    pattern: { time: [{ prefix: '2017-10-03' }] },
    event: rulerEvent,
    matches: false,
  },
  {
    name: 'Auto Scaling events from European regions match an eu- prefix',
    pattern: { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] },
    event: { ...autoScalingEvent, region: 'eu-west-1' },
    matches: true,
  },
  {
    name: 'Auto Scaling events from us-east-1 do not',
    pattern: { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] },
    event: autoScalingEvent,
    matches: false,
  },
  {
    name: 'prefix only works on strings',
    pattern: { detail: { 'c-count': [{ prefix: '5' }] } },
    event: rulerEvent,
    matches: false,
  },
  // "Prefix matching while ignoring case".
  {
    name: 'an ignore-case prefix matches any casing',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: withDetail({ service: 'EVENTBRIDGE' }),
    matches: true,
  },
  {
    name: 'an ignore-case prefix still anchors at the start',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: withDetail({ service: 'Amazon EventBridge' }),
    matches: false,
  },
  // "Suffix matching" and "Suffix matching while ignoring case".
  {
    name: 'a .png file name matches the .png suffix',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.png' },
    matches: true,
  },
  {
    name: 'a .jpg file name does not',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.jpg' },
    matches: false,
  },
  {
    name: 'a plain suffix is case-sensitive',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'IMAGE.PNG' },
    matches: false,
  },
  {
    name: 'an ignore-case suffix matches .PNG',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    event: withDetail({ FileName: 'IMAGE.PNG' }),
    matches: true,
  },
  {
    name: 'an ignore-case suffix still anchors at the end',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    event: withDetail({ FileName: 'image.png.txt' }),
    matches: false,
  },
];

const equalsIgnoreCase: MatchCase[] = [
  // "Content filtering" > "Equals-ignore-case matching".
  {
    name: 'detail-type matches regardless of case',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'a different detail-type does not',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance launch successful' }] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'Name "alice" matches ALICE',
    pattern: { Name: [{ 'equals-ignore-case': 'alice' }] },
    event: { Name: 'ALICE' },
    matches: true,
  },
  {
    name: 'Name "alice" does not match Alicia',
    pattern: { Name: [{ 'equals-ignore-case': 'alice' }] },
    event: { Name: 'Alicia' },
    matches: false,
  },
];

const anythingBut: MatchCase[] = [
  // "Content filtering" > "Anything-but matching".
  {
    name: 'anything-but a string matches another string',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'anything-but a string rejects that string',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: withDetail({ state: 'initializing' }),
    matches: false,
  },
  {
    name: 'anything-but a number matches another number',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'anything-but a number rejects that number',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: withDetail({ 'x-limit': 123 }),
    matches: false,
  },
  {
    name: 'anything-but a string list matches a value outside it',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'anything-but a string list rejects a value inside it',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: withDetail({ state: 'stopped' }),
    matches: false,
  },
  {
    name: 'anything-but a number list matches 301.8',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'anything-but a number list rejects 200',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: withDetail({ 'x-limit': 200 }),
    matches: false,
  },
  {
    name: 'all events except CloudTrail API calls',
    pattern: { 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'all events except those from EC2 or S3 skips EC2',
    pattern: { source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'anything-but a prefix matches a state without it',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'anything-but a prefix rejects a state with it',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: withDetail({ state: 'initializing' }),
    matches: false,
  },
  {
    name: 'only your own events: source anything-but prefix aws. keeps custom sources',
    pattern: { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    event: { ...ec2Event, source: 'leadflow' },
    matches: true,
  },
  {
    name: 'only your own events: source anything-but prefix aws. drops AWS sources',
    pattern: { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'anything-but a suffix matches a .txt file',
    pattern: { FileName: [{ 'anything-but': { suffix: '.png' } }] },
    event: { FileName: 'notes.txt' },
    matches: true,
  },
  {
    name: 'anything-but a suffix rejects a .png file',
    pattern: { FileName: [{ 'anything-but': { suffix: '.png' } }] },
    event: { FileName: 'image.png' },
    matches: false,
  },
  {
    name: 'anything-but ignoring case matches another state',
    pattern: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] },
    event: { state: 'running' },
    matches: true,
  },
  {
    name: 'anything-but ignoring case rejects INITIALIZING',
    pattern: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] },
    event: { state: 'INITIALIZING' },
    matches: false,
  },
  {
    name: 'anything-but ignoring case accepts a list',
    pattern: { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] },
    event: { state: 'Stopped' },
    matches: false,
  },
  {
    name: 'anything-but a wildcard matches a path without /lib/',
    pattern: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
    event: { FilePath: '/usr/bin/node' },
    matches: true,
  },
  {
    name: 'anything-but a wildcard rejects a path with /lib/',
    pattern: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
    event: { FilePath: '/usr/lib/node' },
    matches: false,
  },
  {
    name: 'anything-but needs the field to be present',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: withDetail({}),
    matches: false,
  },
  {
    name: 'anything-but a string matches null',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: withDetail({ state: null }),
    matches: true,
  },
  {
    name: 'anything-but a prefix matches a number',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: withDetail({ state: 12 }),
    matches: true,
  },
  {
    name: 'anything-but matches an event array holding one value outside the list',
    pattern: { detail: { state: [{ 'anything-but': ['stopped'] }] } },
    event: withDetail({ state: ['stopped', 'running'] }),
    matches: true,
  },
  {
    name: 'anything-but rejects an event array holding only listed values',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: withDetail({ state: ['stopped', 'overloaded'] }),
    matches: false,
  },
];

const numeric: MatchCase[] = [
  // "Content filtering" > "Numeric matching": every field's comparison must hold.
  {
    name: 'c-count in (0, 5], d-count below 10 and x-limit equal to 3.018e2',
    pattern: {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    },
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'c-count 0 is not above 0',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
    event: withDetail({ 'c-count': 0 }),
    matches: false,
  },
  {
    name: 'c-count 6 is above 5',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
    event: withDetail({ 'c-count': 6 }),
    matches: false,
  },
  {
    name: 'd-count 10 is not below 10',
    pattern: { detail: { 'd-count': [{ numeric: ['<', 10] }] } },
    event: withDetail({ 'd-count': 10 }),
    matches: false,
  },
  {
    name: 'numbers compare as numbers: 300 equals 3.0e2',
    pattern: JSON.parse('{"detail": {"x-limit": [{"numeric": ["=", 3.0e2]}]}}') as EventPattern,
    event: JSON.parse('{"detail": {"x-limit": 300}}'),
    matches: true,
  },
  {
    name: 'numeric matching only works on JSON numbers',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0] }] } },
    event: withDetail({ 'c-count': '5' }),
    matches: false,
  },
  {
    name: 'numeric matching does not match null',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0] }] } },
    event: withDetail({ 'c-count': null }),
    matches: false,
  },
  // "Comparison operators": "Price is more than 10, and less than or equal to 20".
  {
    name: 'a price of 20 is more than 10 and at most 20',
    pattern: { Price: [{ numeric: ['>', 10, '<=', 20] }] },
    event: { Price: 20 },
    matches: true,
  },
  {
    name: 'a price of 10 is not more than 10',
    pattern: { Price: [{ numeric: ['>', 10, '<=', 20] }] },
    event: { Price: 10 },
    matches: false,
  },
  {
    name: '>= includes its bound',
    pattern: { Price: [{ numeric: ['>=', 10] }] },
    event: { Price: 10 },
    matches: true,
  },
];

const ipAddresses: MatchCase[] = [
  // "Content filtering" > "IP address matching": IPv4 and IPv6.
  {
    name: '10.0.0.255 is in 10.0.0.0/24',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ sourceIPAddress: '10.0.0.255' }),
    matches: true,
  },
  {
    name: '10.0.1.1 is not in 10.0.0.0/24',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ sourceIPAddress: '10.0.1.1' }),
    matches: false,
  },
  {
    name: 'an expanded IPv6 address is in its compressed /64',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8:1234:1a00::/64' }] } },
    event: withDetail({ sourceIPAddress: '2001:0db8:1234:1a00:0000:0000:0000:0000' }),
    matches: true,
  },
  {
    name: 'a compressed IPv6 host is in the /64',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8:1234:1a00::/64' }] } },
    event: withDetail({ sourceIPAddress: '2001:db8:1234:1a00::dead:beef' }),
    matches: true,
  },
  {
    name: 'an IPv6 address in the next /64 is not',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8:1234:1a00::/64' }] } },
    event: withDetail({ sourceIPAddress: '2001:db8:1234:1a01::1' }),
    matches: false,
  },
  {
    name: 'an IPv4 address is never in an IPv6 range',
    pattern: { detail: { sourceIPAddress: [{ cidr: '::/0' }] } },
    event: withDetail({ sourceIPAddress: '10.0.0.1' }),
    matches: false,
  },
  {
    name: 'a number is not an IP address',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ sourceIPAddress: 123 }),
    matches: false,
  },
  {
    name: 'a host name is not an IP address',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ sourceIPAddress: 'example.com' }),
    matches: false,
  },
];

const exists: MatchCase[] = [
  // "Content filtering" > "Exists matching": presence of a leaf field.
  {
    name: 'exists true matches a present detail.state',
    pattern: { detail: { state: [{ exists: true }] } },
    event: { ...ec2Event, detail: { 'instance-id': 'i-abcd1111', state: 'pending' } },
    matches: true,
  },
  {
    name: 'exists true does not match an event without detail.state',
    pattern: { detail: { state: [{ exists: true }] } },
    event: { detail: { 'c-count': { c1: 100 } } },
    matches: false,
  },
  {
    name: 'exists false matches an event without detail.c-count',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: { detail: { state: ['initializing', 'running'] } },
    matches: true,
  },
  {
    name: 'exists false also matches when c-count is an object, not a leaf',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: { detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } },
    matches: true,
  },
  {
    name: 'exists false does not match a present leaf',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: rulerEvent,
    matches: false,
  },
  {
    name: 'exists true does not match an intermediate node',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: { detail: { 'c-count': { c1: 100 } } },
    matches: false,
  },
  {
    name: 'exists false matches when the parent object is missing too',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: { source: 'aws.ec2' },
    matches: true,
  },
  {
    name: 'an empty array has no leaf, so exists true does not match it',
    pattern: { resources: [{ exists: true }] },
    event: autoScalingEvent,
    matches: false,
  },
];

const wildcards: MatchCase[] = [
  // "Content filtering" > "Wildcard matching".
  {
    name: 'a .png file inside dir matches dir/*.png',
    pattern: { FileName: [{ wildcard: 'dir/*.png' }] },
    event: { FileName: 'dir/image.png' },
    matches: true,
  },
  {
    name: 'a .jpg file inside dir does not',
    pattern: { FileName: [{ wildcard: 'dir/*.png' }] },
    event: { FileName: 'dir/image.jpg' },
    matches: false,
  },
  {
    name: 'a .png file elsewhere does not',
    pattern: { FileName: [{ wildcard: 'dir/*.png' }] },
    event: { FileName: 'other/image.png' },
    matches: false,
  },
  {
    name: 'any account in the ARN matches an event-bus wildcard',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/leadflow' },
    matches: true,
  },
  {
    name: 'another region does not',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/leadflow' },
    matches: false,
  },
  {
    name: 'a star matches zero characters',
    pattern: { title: [{ wildcard: '*Title*' }] },
    event: { title: 'Title' },
    matches: true,
  },
  {
    name: 'an escaped star matches only a literal star',
    pattern: { key: [{ wildcard: 'report\\*.csv' }] },
    event: { key: 'report*.csv' },
    matches: true,
  },
  {
    name: 'an escaped star is not a wildcard',
    pattern: { key: [{ wildcard: 'report\\*.csv' }] },
    event: { key: 'report-2024.csv' },
    matches: false,
  },
  {
    name: 'two backslashes are one literal backslash',
    pattern: { path: [{ wildcard: 'C:\\\\*' }] },
    event: { path: 'C:\\Windows' },
    matches: true,
  },
  {
    name: 'wildcards only work on strings',
    pattern: { count: [{ wildcard: '*' }] },
    event: { count: 5 },
    matches: false,
  },
];

/** "Complex example with $or matching" and Event Ruler README, "The $or Primitive". */
const cloudWatchOr: EventPattern = {
  source: ['aws.cloudwatch'],
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
};

const orMatching: MatchCase[] = [
  {
    name: '$or matches on its first branch',
    pattern: cloudWatchOr,
    event: { source: 'aws.cloudwatch', metricName: 'CPUUtilization' },
    matches: true,
  },
  {
    name: '$or matches on its second branch',
    pattern: cloudWatchOr,
    event: { source: 'aws.cloudwatch', namespace: 'AWS/ES' },
    matches: true,
  },
  {
    name: '$or fails when no branch matches',
    pattern: cloudWatchOr,
    event: { source: 'aws.cloudwatch', metricName: 'DiskIO', namespace: 'AWS/RDS' },
    matches: false,
  },
  {
    name: '$or is ANDed with its sibling fields',
    pattern: cloudWatchOr,
    event: { source: 'aws.ec2', metricName: 'CPUUtilization' },
    matches: false,
  },
  {
    name: '$or inside detail combines numeric sub-patterns',
    pattern: {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    },
    event: withDetail({ 'c-count': 50, 'd-count': 50, 'x-limit': 301.8 }),
    matches: true,
  },
  {
    name: '$or inside detail fails when none of its sub-patterns holds',
    pattern: {
      detail: {
        $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }],
      },
    },
    event: withDetail({ 'c-count': 50, 'd-count': 50 }),
    matches: false,
  },
  {
    name: 'a nested $or inside an $or branch',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { namespace: ['AWS/EC2'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    },
    event: { source: 'aws.cloudwatch', namespace: 'AWS/EC2', spaceId: 1000 },
    matches: true,
  },
  {
    name: 'a nested $or still needs one of its own branches',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { namespace: ['AWS/EC2'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    },
    event: { source: 'aws.cloudwatch', namespace: 'AWS/EC2', spaceId: 2000 },
    matches: false,
  },
];

/** "Complex example with multiple matching". */
const complexPattern: EventPattern = {
  time: [{ prefix: '2017-10-02' }],
  detail: {
    state: [{ 'anything-but': 'initializing' }],
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ 'anything-but': [100, 200, 300] }],
    'source-ip': [{ cidr: '10.0.0.0/8' }],
  },
};

const complex: MatchCase[] = [
  {
    name: 'the complex example matches its event',
    pattern: complexPattern,
    event: rulerEvent,
    matches: true,
  },
  {
    name: 'the complex example fails on another day',
    pattern: complexPattern,
    event: { ...rulerEvent, time: '2017-10-03T00:00:00Z' },
    matches: false,
  },
  {
    name: 'the complex example fails on an excluded x-limit',
    pattern: complexPattern,
    event: withDetail({ ...rulerEvent.detail, 'x-limit': 200 }),
    matches: false,
  },
  // The note under the complex example: a key given twice counts only in its last form.
  {
    name: 'of a duplicated key only the last one counts',
    pattern: JSON.parse(
      '{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}',
    ) as EventPattern,
    event: withDetail({ location: 'eu-west' }),
    matches: true,
  },
];

const groups: Readonly<Record<string, MatchCase[]>> = {
  'Event patterns': eventPatterns,
  'Matching null values and empty strings': nullAndEmpty,
  'Arrays in event patterns': arrays,
  'Prefix and suffix matching': prefixAndSuffix,
  'Equals-ignore-case matching': equalsIgnoreCase,
  'Anything-but matching': anythingBut,
  'Numeric matching': numeric,
  'IP address matching': ipAddresses,
  'Exists matching': exists,
  'Wildcard matching': wildcards,
  '$or matching': orMatching,
  'Complex example with multiple matching': complex,
};

for (const [section, cases] of Object.entries(groups)) {
  describe(`matchesEventPattern: ${section}`, () => {
    it.each(cases)('$name', ({ pattern, event, matches }) => {
      expect(matchesEventPattern(pattern, event)).toBe(matches);
    });
  });
}

describe('validateEventPattern accepts every documented pattern', () => {
  const documented = Object.values(groups)
    .flat()
    .map(({ name, pattern }) => ({ name, pattern }));
  it.each(documented)('$name', ({ pattern }) => {
    expect(validateEventPattern(pattern)).toEqual({ ok: true, pattern });
  });

  it.each([
    {
      name: 'anything-but a list of prefixes',
      pattern: { state: [{ 'anything-but': { prefix: ['init', 'stop'] } }] },
    },
    { name: 'anything-but an empty wildcard', pattern: { state: [{ 'anything-but': { wildcard: '' } }] } },
    { name: 'a numeric range written upper bound first', pattern: { n: [{ numeric: ['<', 10, '>=', 0] }] } },
  ])('$name', ({ pattern }) => {
    expect(validateEventPattern(pattern).ok).toBe(true);
  });
});

interface RejectionCase {
  readonly name: string;
  readonly pattern: unknown;
  /** A fragment of the reason; most are EventBridge's own wording for the same mistake. */
  readonly reason: string;
}

const rejections: RejectionCase[] = [
  { name: 'a string', pattern: 'this is valid json but not a dict', reason: 'Filter is not an object' },
  { name: 'an array', pattern: ['not', 'a', 'dict'], reason: 'Filter is not an object' },
  { name: 'null', pattern: null, reason: 'Filter is not an object' },
  { name: 'an empty pattern', pattern: {}, reason: 'Empty objects are not allowed' },
  {
    name: 'a number leaf that is not in an array',
    pattern: { int: 42 },
    reason: '"int" must be an object or an array',
  },
  {
    name: 'a string leaf that is not in an array',
    pattern: { string: 'my-value' },
    reason: '"string" must be an object',
  },
  { name: 'an empty field array', pattern: { resources: [] }, reason: 'Empty arrays are not allowed' },
  {
    name: 'an array nested in a field array',
    pattern: { state: [['running']] },
    reason: 'Match value must be',
  },
  { name: 'an unknown operator', pattern: { foo: [{ foo: 1 }] }, reason: 'Unrecognized match type foo' },
  {
    name: 'an operator in capitals',
    pattern: { my_key: [{ EXISTS: true }] },
    reason: 'Unrecognized match type EXISTS',
  },
  {
    name: 'NUMERIC in capitals',
    pattern: { detail: { equal: [{ NUMERIC: ['=', 5] }] } },
    reason: 'Unrecognized match type NUMERIC',
  },
  {
    name: 'two operators in one match',
    pattern: { f: [{ prefix: 'a', suffix: 'b' }] },
    reason: 'Only one key allowed',
  },
  { name: 'an empty match object', pattern: { f: [{}] }, reason: 'Empty objects are not allowed' },
  {
    name: 'numeric with two lower bounds',
    pattern: { n: [{ numeric: ['>', 0, '>', 0] }] },
    reason: 'Bad numeric range operator: >',
  },
  {
    name: 'numeric missing a bound',
    pattern: { n: [{ numeric: ['>', 0, '<'] }] },
    reason: 'Value of < must be numeric',
  },
  {
    name: 'numeric with !=',
    pattern: { n: [{ numeric: ['!=', 5] }] },
    reason: 'Unrecognized numeric range operator: !=',
  },
  {
    name: 'numeric that is not a list',
    pattern: { n: [{ numeric: 5 }] },
    reason: 'Value of numeric must be an array',
  },
  {
    name: 'numeric = combined with a range',
    pattern: { n: [{ numeric: ['=', 5, '<', 10] }] },
    reason: 'Bad numeric range',
  },
  {
    name: 'numeric with an empty range',
    pattern: { n: [{ numeric: ['>', 10, '<', 0] }] },
    reason: 'lower bound must be below',
  },
  {
    name: 'numeric beyond 5.0e9',
    pattern: { n: [{ numeric: ['<', 1e10] }] },
    reason: 'between -5.0E9 and 5.0E9',
  },
  {
    name: 'a prefix list',
    pattern: { time: [{ prefix: ['2022-07-13'] }] },
    reason: 'prefix match pattern must be a string',
  },
  {
    name: 'a numeric prefix',
    pattern: { time: [{ prefix: 123 }] },
    reason: 'prefix match pattern must be a string',
  },
  {
    name: 'a numeric suffix',
    pattern: { FileName: [{ suffix: 123 }] },
    reason: 'suffix match pattern must be a string',
  },
  {
    name: 'a suffix list',
    pattern: { FileName: [{ suffix: ['.png'] }] },
    reason: 'suffix match pattern must be a string',
  },
  {
    name: 'an equals-ignore-case list',
    pattern: { 'detail-type': [{ 'equals-ignore-case': ['ec2 instance state-change notification'] }] },
    reason: 'equals-ignore-case match pattern must be a string',
  },
  {
    name: 'an equals-ignore-case holding an operator',
    pattern: { 'detail-type': [{ 'equals-ignore-case': { prefix: 'ec2' } }] },
    reason: 'equals-ignore-case match pattern must be a string',
  },
  {
    name: 'a numeric wildcard',
    pattern: { EventBusArn: [{ wildcard: 123 }] },
    reason: 'wildcard match pattern must be a string',
  },
  {
    name: 'consecutive wildcard characters',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }] },
    reason: 'Consecutive wildcard characters',
  },
  {
    name: 'a backslash escaping a letter',
    pattern: { key: [{ wildcard: 'a\\b*' }] },
    reason: 'Invalid escape character',
  },
  {
    name: 'a CIDR without a mask',
    pattern: { ip: [{ cidr: '10.0.0.1' }] },
    reason: "Malformed CIDR, one '/' required",
  },
  {
    name: 'a CIDR with a word for a mask',
    pattern: { ip: [{ cidr: '10.0.0.0/abc' }] },
    reason: 'mask bits must be an integer',
  },
  {
    name: 'a CIDR with a bad address',
    pattern: { ip: [{ cidr: 'xx.11.xx/24' }] },
    reason: 'Nonstandard IP address: xx.11.xx',
  },
  {
    name: 'an IPv6 CIDR with a bad address',
    pattern: { ip: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] },
    reason: 'Nonstandard IP address',
  },
  {
    name: 'a CIDR mask longer than the address',
    pattern: { ip: [{ cidr: '10.0.0.0/33' }] },
    reason: 'between 0 and 32',
  },
  {
    name: 'a CIDR list',
    pattern: { ip: [{ cidr: ['bad-type'] }] },
    reason: 'cidr match pattern must be a string',
  },
  { name: 'exists with a string', pattern: { f: [{ exists: 'yes' }] }, reason: 'either true or false' },
  {
    name: 'anything-but null',
    pattern: { state: [{ 'anything-but': null }] },
    reason: 'Value of anything-but must be',
  },
  {
    name: 'anything-but true',
    pattern: { state: [{ 'anything-but': true }] },
    reason: 'Value of anything-but must be',
  },
  {
    name: 'anything-but a mixed list',
    pattern: { state: [{ 'anything-but': ['a', 1] }] },
    reason: 'Inside anything but list',
  },
  {
    name: 'anything-but a numeric prefix',
    pattern: { state: [{ 'anything-but': { prefix: 123 } }] },
    reason: 'prefix/suffix match pattern must be a string',
  },
  {
    name: 'anything-but a prefix list with a number',
    pattern: { state: [{ 'anything-but': { prefix: [123, 'test'] } }] },
    reason: 'prefix/suffix match pattern must be a string',
  },
  {
    name: 'anything-but an empty prefix',
    pattern: { state: [{ 'anything-but': { prefix: '' } }] },
    reason: 'Null prefix',
  },
  {
    name: 'anything-but an ignore-case prefix',
    pattern: { FileName: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } }] },
    reason: 'Value of anything-but must be an array or single string/number value.',
  },
  {
    name: 'anything-but a numeric equals-ignore-case',
    pattern: { state: [{ 'anything-but': { 'equals-ignore-case': [123, 456] } }] },
    reason: 'Inside anything-but/equals-ignore-case list',
  },
  {
    name: 'anything-but a wildcard list with a number',
    pattern: { state: [{ 'anything-but': { wildcard: [123, '*/dir/*'] } }] },
    reason: 'wildcard match pattern must be a string',
  },
  {
    name: 'anything-but numeric',
    pattern: { n: [{ 'anything-but': { numeric: ['>', 1] } }] },
    reason: 'Unsupported anything-but pattern: numeric',
  },
  {
    name: 'an $or branch with a bad leaf',
    pattern: { $or: [{ a: ['x'] }, { b: 'y' }] },
    reason: '"b" must be an object or an array',
  },
  {
    name: '$or with one branch, read as a field of match expressions',
    pattern: { $or: [{ a: ['x'] }] },
    reason: 'Unrecognized match type a',
  },
];

describe('validateEventPattern rejects what EventBridge rejects', () => {
  it.each(rejections)('$name', ({ pattern, reason }) => {
    const validation = validateEventPattern(pattern);
    expect(validation.ok).toBe(false);
    expect(validation.ok ? '' : validation.message).toContain(reason);
  });
});
