/**
 * The catalog of a design, built once per design object for the diff and the revision
 * snapshot that follows it: a revision of a thousand tables would otherwise build the same
 * catalogs twice. Designs are not changed once made (every edit makes a new object), and
 * the diff only reads these catalogs (`CatalogState` works on its own copy), so one shared
 * catalog per design serves every caller.
 */
import { toCatalog } from '../catalog/from-design';
import type { Catalog } from '../catalog/types';
import type { Design } from '../design/types';

const built = new WeakMap<Design, Catalog>();

export function designCatalog(design: Design): Catalog {
  let catalog = built.get(design);
  if (catalog === undefined) {
    catalog = toCatalog(design);
    built.set(design, catalog);
  }
  return catalog;
}

/**
 * Takes `catalog` as the catalog of `design` from now on: one built for this design before
 * and kept where the caller trusts it (a command's cache of the head revision's state).
 */
export function adoptDesignCatalog(design: Design, catalog: Catalog): void {
  built.set(design, catalog);
}
