/** Paths as the route and page tables write them (OpenAPI style), and as Express takes them. */

/** `/agreements/{id}` -> `/agreements/:id` */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
