import { describe, expect, it } from 'vitest';
import { assignOwner } from '#shared/routing/assign-owner.ts';
import { routeContact } from '#shared/routing/decide-owner.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { parseRoutingConfig } from '#shared/routing/routing-config.ts';
import { aContact } from '../../support/builders.ts';
import { inMemoryOwnerRouting } from '../../support/in-memory-owner-routing.ts';

const config = defaultRoutingConfig;
const AT = '2026-03-02T10:00:00.000Z';

const routing = () => inMemoryOwnerRouting();

describe('routeContact', () => {
  it('sends big companies to the enterprise team before any territory', () => {
    expect(routeContact(aContact({ country: 'France', companySize: '1,000+' }), config)).toEqual({
      kind: 'team',
      team: 'enterprise',
      rule: 'enterprise',
    });
  });

  it('reads the country as people write it, in a region a rule names', () => {
    for (const country of ['FR', 'fra', 'Allemagne', 'Spain']) {
      expect(routeContact(aContact({ country, companySize: '51-200' }), config)).toMatchObject({
        team: 'emea',
      });
    }
    expect(routeContact(aContact({ country: 'United States' }), config)).toMatchObject({ team: 'americas' });
  });

  it('falls back for a country no rule covers, none given, or a size that is not a number', () => {
    expect(routeContact(aContact({ country: 'Japan' }), config)).toEqual({ kind: 'fallback' });
    expect(routeContact(aContact({ country: undefined }), config)).toEqual({ kind: 'fallback' });
    expect(routeContact(aContact({ country: 'Narnia', companySize: 'big' }), config)).toEqual({
      kind: 'fallback',
    });
  });
});

describe('assignOwner', () => {
  it('takes turns within the team, one hand-off each', async () => {
    const deps = routing();
    const owners = [];
    for (let n = 0; n < 4; n += 1)
      owners.push((await assignOwner(aContact({ country: 'DE' }), AT, deps)).personId);
    expect(owners).toEqual(['hugo-martin', 'lena-schmidt', 'hugo-martin', 'lena-schmidt']);
  });

  it('keeps the owner a contact already has, and takes no turn for a team of one', async () => {
    const deps = routing();
    const owner = { personId: 'noah-williams', team: 'americas', assignedAt: AT, by: 'routing:americas' };
    expect(await assignOwner(aContact({ country: 'DE', owner }), AT, deps)).toBe(owner);
    expect(await assignOwner(aContact({ companySize: '5000' }), AT, deps)).toEqual({
      personId: 'sam-lee',
      team: 'enterprise',
      assignedAt: AT,
      by: 'routing:enterprise',
    });
    expect(deps.turns.size).toBe(0);
  });

  it('gives the fallback owner what no rule covers, and replaces an owner who left the team', async () => {
    const deps = routing();
    const gone = { personId: 'someone-who-left', assignedAt: AT, by: 'routing:emea' };
    expect(await assignOwner(aContact({ country: 'JP', owner: gone }), AT, deps)).toEqual({
      personId: 'sam-lee',
      assignedAt: AT,
      by: 'routing:fallback',
    });
  });
});

describe('parseRoutingConfig', () => {
  it('names every reference to a person, team or region that does not exist', () => {
    const broken = {
      people: { ann: { name: 'Ann', email: 'ann@seller.example', calendar: { timeZone: 'Europe/Paris' } } },
      teams: { emea: { lead: 'bob', members: ['ann', 'cid'] } },
      regions: {},
      rules: [{ label: 'emea', team: 'apac', regions: ['dach'], minEmployees: 500, maxEmployees: 50 }],
      fallback: 'dee',
    };
    expect(() => parseRoutingConfig(broken)).toThrow(
      [
        'Invalid routing configuration:',
        'fallback: no person "dee" in people',
        'teams.emea.lead: no person "bob" in people',
        'teams.emea.members.1: no person "cid" in people',
        'rules.0.team: no team "apac" in teams',
        'rules.0.regions: no region "dach" in regions',
        'rules.0: minEmployees is above maxEmployees',
      ].join('\n'),
    );
  });

  it('refuses a time zone or a country code it does not know', () => {
    const person = { name: 'Ann', email: 'ann@seller.example', calendar: { timeZone: 'Paris' } };
    expect(() =>
      parseRoutingConfig({
        people: { ann: person },
        teams: {},
        rules: [],
        fallback: 'ann',
        regions: { x: ['XX'] },
      }),
    ).toThrow(/ISO 3166[\s\S]*IANA time zone/);
  });
});
