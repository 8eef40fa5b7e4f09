import type { OwnerRouting } from '#shared/routing/assign-owner.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import type { RoutingConfig } from '#shared/routing/routing-config.ts';

/** The routing rules with turn counters as the table keeps them: one per team, counting from 1. */
export function inMemoryOwnerRouting(
  config: RoutingConfig = defaultRoutingConfig,
): OwnerRouting & { readonly turns: Map<string, number> } {
  const turns = new Map<string, number>();
  return {
    config,
    turns,
    async nextTurn(team) {
      const turn = (turns.get(team) ?? 0) + 1;
      turns.set(team, turn);
      return turn;
    },
  };
}
