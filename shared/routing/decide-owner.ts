import type { ContactProfile } from '#shared/contact/contact.ts';
import { countryCode } from '#shared/contact/country.ts';
import { employeeCount } from '#shared/scoring/fit-breakdown.ts';
import type { RoutingConfig, RoutingRule } from './routing-config.ts';

/** Where the routing rules send a contact: a team to take turns in, or straight to the fallback owner. */
export type Route =
  | { readonly kind: 'team'; readonly team: string; readonly rule: string }
  | { readonly kind: 'fallback' };

/** The first rule whose every condition matches the contact's profile; the fallback owner otherwise. */
export function routeContact(profile: ContactProfile, config: RoutingConfig): Route {
  const rule = config.rules.find((candidate) => matches(candidate, profile, config));
  return rule ? { kind: 'team', team: rule.team, rule: rule.label } : { kind: 'fallback' };
}

/** The member whose turn it is: turns count up from 1 per team, so members take one hand-off each. */
export function memberAtTurn(config: RoutingConfig, team: string, turn: number): string {
  const { members } = config.teams[team] ?? { members: [config.fallback] };
  return members[(turn - 1) % members.length] ?? config.fallback;
}

function matches(rule: RoutingRule, profile: ContactProfile, config: RoutingConfig): boolean {
  const code = countryCode(profile.country);
  if (rule.countries && !(code && rule.countries.includes(code))) return false;
  if (rule.regions && !(code && rule.regions.some((region) => config.regions[region]?.includes(code))))
    return false;
  if (rule.minEmployees !== undefined || rule.maxEmployees !== undefined) {
    const employees = employeeCount(profile.companySize);
    if (employees === undefined) return false;
    if (rule.minEmployees !== undefined && employees < rule.minEmployees) return false;
    if (rule.maxEmployees !== undefined && employees > rule.maxEmployees) return false;
  }
  return true;
}
