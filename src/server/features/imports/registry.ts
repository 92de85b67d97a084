/** Every importer by kind: adding a kind of record to import is one module plus one line here. */
import type { ImportKind } from '#shared/imports';
import { activitiesImporter } from './activities.importer';
import { allocationsImporter } from './allocations.importer';
import { certificationsImporter } from './certifications.importer';
import { fundingImporter } from './funding.importer';
import { groupsImporter } from './groups.importer';
import type { Importer } from './importer';
import { peopleImporter } from './people.importer';
import { producersImporter } from './producers.importer';
import { productsImporter } from './products.importer';
import { salesImporter } from './sales.importer';
import { servicesImporter } from './services.importer';
import { wisdomImporter } from './wisdom.importer';

export const IMPORTERS: Record<ImportKind, Importer> = {
  producers: producersImporter,
  allocations: allocationsImporter,
  people: peopleImporter,
  wisdom: wisdomImporter,
  groups: groupsImporter,
  products: productsImporter,
  certifications: certificationsImporter,
  services: servicesImporter,
  activities: activitiesImporter,
  sales: salesImporter,
  funding: fundingImporter,
};
