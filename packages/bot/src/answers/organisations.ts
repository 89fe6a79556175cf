import type { Network, Organisation } from '@resonet/core';

/** Where a network's model lists an organisation. */
export type OrganisationPart = 'coordinatingBodies' | 'partners' | 'funders';

/** Every organisation a network's model lists, with where it lists it. */
export function organisationsOf(network: Network): { org: Organisation; part: OrganisationPart }[] {
  return (['coordinatingBodies', 'partners', 'funders'] as const).flatMap((part) =>
    network[part].map((org) => ({ org, part })),
  );
}

/**
 * The organisation's own name, without the unit after a dash: UNODC stands for the "United
 * Nations Office on Drugs and Crime", not for "… — Prevention, Treatment and Rehabilitation
 * Unit".
 */
export const ownName = (name: string) => name.split(' — ')[0] ?? name;
