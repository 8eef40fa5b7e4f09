import configFile from './config/routing.json' with { type: 'json' };
import { parseRoutingConfig, type RoutingConfig } from './routing-config.ts';

/**
 * The shipped routing rules (shared/routing/config/routing.json: your sales team, its territories
 * and calendars), validated when the module loads so a bad edit fails `npm start` and `cdk synth`.
 */
export const defaultRoutingConfig: RoutingConfig = parseRoutingConfig(configFile);
