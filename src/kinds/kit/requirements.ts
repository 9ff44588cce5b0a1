/**
 * What a test report or a certificate names as tested against (docs/domain.md, "Equivalence"):
 * regulations of the importing economy, or of the exporting economy and reference schemes, which
 * count only through an equivalence in force, and the additional tests it covers. The schema
 * pieces of those fields, the check of the regulations it names, and the part the counterparts
 * judge (`counterparts.ts`). At least one requirement; any other economy's is refused.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { regulationList, shortText } from '../../schemas/common.js';
import { AppError } from '../../errors.js';
import type { DirectoryStore, RegulationRecord } from '../../store/port.js';
import { requireRegulations } from './references.js';

/**
 * An international programme's test specification, entered as a reference scheme (the IPv6 Ready Logo): our
 * extension, since the MRA-ETR covers mandatory technical requirements and such a programme is voluntary.
 */
export const referenceScheme = {
  type: 'object',
  properties: {
    scheme: { ...shortText, description: 'The programme: "IPv6 Ready Logo". A voluntary programme as a reference scheme is our extension of the MRA-ETR, which covers mandatory technical requirements.' },
    document: { ...shortText, description: 'Its test specification.' },
    version: { type: 'string', minLength: 1, maxLength: 40, 'x-text': 'line' },
  },
  required: ['scheme', 'document', 'version'],
  additionalProperties: false,
} as const;

/** What a partial equivalence asks for beyond the equivalent requirement: the names of the additional tests covered. */
export const additionalTests = {
  type: 'array',
  items: shortText,
  maxItems: 50,
  uniqueItems: true,
  description: 'The additional tests of a partial equivalence (MRA-ETR) that this document covers, by the names the equivalence lists.',
} as const;

/** A test report's regulations: none when it names reference schemes only. */
export const testedRegulations = {
  ...regulationList,
  minItems: 0,
  description: "The regulations tested against: the importing economy's, or the exporting economy's where an equivalence (MRA-ETR) maps them.",
} as const;

/** A test report's reference schemes. */
export const testedSchemes = {
  type: 'array',
  items: referenceScheme,
  maxItems: 20,
  description: 'Reference schemes tested against (the IPv6 Ready Logo), counted through equivalences.',
} as const;

export type ReferenceScheme = FromSchema<typeof referenceScheme>;

/** One requirement: a regulation (by id), or a reference scheme. */
export interface Requirement {
  regulation?: string;
  scheme?: ReferenceScheme;
}

/** The fields of a test report or a certificate that name what it was tested against. */
export interface Documented {
  importingEconomy: string;
  exportingEconomy: string;
  regulations: string[];
  schemes?: ReferenceScheme[];
  additionalTests?: string[];
}

/** The document's requirements that are not the importing economy's own: what the counterparts judge. */
export interface ForeignRequirements {
  importingEconomy: string;
  exportingEconomy: string;
  /** The test date of a report, the issue date of a certificate. */
  at: string;
  requirements: readonly Requirement[];
  /** The additional tests the document says it covers. */
  additionalTests: readonly string[];
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

/** The document's requirements that are not the importing economy's own, for the counterparts to judge. */
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
