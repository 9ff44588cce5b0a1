/**
 * The requirements a test report or a certificate names: regulations of the importing economy, or
 * of the exporting economy and reference schemes, which count only through an equivalence in force
 * (docs/domain.md, "Equivalence"). At least one requirement; any other economy's is refused.
 */
import type { ReferenceScheme, Requirement } from './schemas.js';
import { AppError } from '../../errors.js';
import type { DirectoryStore, RegulationRecord } from '../../store/port.js';
import type { ForeignRequirements } from './facts.js';
import { requireRegulations } from '../kit/references.js';

export interface Documented {
  importingEconomy: string;
  exportingEconomy: string;
  regulations: string[];
  schemes?: ReferenceScheme[];
  additionalTests?: string[];
}

/** The document's regulations, each of the importing or the exporting economy. */
export async function requireDocumentRequirements(store: DirectoryStore, documented: Documented, pointer: string): Promise<RegulationRecord[]> {
  if (documented.regulations.length === 0 && (documented.schemes ?? []).length === 0) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: 'Name at least one requirement tested against: a regulation, or a reference scheme.',
      errors: [{ pointer, message: 'must name at least one regulation when no reference scheme is named' }],
    });
  }
  const regulations = await requireRegulations(store, documented.regulations, pointer);
  const economies = [documented.importingEconomy, documented.exportingEconomy];
  const errors = regulations.flatMap((regulation, index) =>
    economies.includes(regulation.economy)
      ? []
      : [{ pointer: `${pointer}/${index}`, message: `"${regulation.id}" is a regulation of ${regulation.economy}, not of ${economies.join(' or ')}` }],
  );
  if (errors.length > 0) throw new AppError({ code: 'UNKNOWN_REFERENCE', detail: errors.map((e) => e.message).join('; '), errors });
  return regulations;
}

/** The document's requirements that are not the importing economy's own, for the equivalence facts. */
export function foreignRequirements(documented: Documented, regulations: readonly RegulationRecord[], at: string): ForeignRequirements {
  const requirements: Requirement[] = [
    ...regulations.filter((r) => r.economy !== documented.importingEconomy).map((r) => ({ regulation: r.id })),
    ...(documented.schemes ?? []).map((scheme) => ({ scheme })),
  ];
  return {
    importingEconomy: documented.importingEconomy,
    exportingEconomy: documented.exportingEconomy,
    at,
    requirements,
    additionalTests: documented.additionalTests ?? [],
  };
}
