/**
 * Which equivalences (MRA-ETR) a document leans on (docs/domain.md, "Equivalence"): for each of its
 * requirements that is not a regulation of the importing economy (one of the exporting economy's,
 * or a reference scheme), the equivalence proposed by the exporting economy to the importing one
 * that was in force on the date and maps it, and which of its additional tests the document lacks.
 */
import { equivalenceInForceOn, requirementLabel, type EquivalenceData } from './machine.js';
import type { EquivalenceFacts } from './screening.js';
import type { Requirement } from './schemas.js';
import type { ForeignRequirements } from '../kit/requirements.js';
import type { RecordReader } from '../kit/reader.js';
import { findAll } from '../kit/references.js';

function sameRequirement(a: Requirement, b: Requirement): boolean {
  return requirementLabel(a) === requirementLabel(b);
}

export async function gatherEquivalenceFacts({ store, current }: RecordReader, documented: ForeignRequirements): Promise<EquivalenceFacts> {
  if (documented.requirements.length === 0) return { matches: [] };
  const records = await findAll(store, 'equivalences', {
    where: { proposingEconomy: documented.exportingEconomy, partnerEconomy: documented.importingEconomy },
  });
  const equivalences = records.map((record) => ({ id: record.id, data: current(record).context as EquivalenceData }));
  return {
    matches: documented.requirements.map((requirement) => {
      const found = equivalences.find(({ data }) => sameRequirement(data.requirement, requirement) && equivalenceInForceOn(data, documented.at));
      const label = requirementLabel(requirement);
      if (!found) return { requirement: label, missingTests: [] };
      return {
        requirement: label,
        equivalenceId: found.id,
        counterpart: found.data.counterpart,
        missingTests: found.data.differences.map((d) => d.test).filter((test) => !documented.additionalTests.includes(test)),
      };
    }),
  };
}
