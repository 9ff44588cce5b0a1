/**
 * What a recognition takes from the designation at home it rests on: the application's
 * particulars (47 CFR 2.951(a)(1)-(12)), which the importing side and the public register show,
 * and, where the agreement has the designating authority assign it, the designation number
 * (47 CFR 2.951(a)(5)), which the importing regulator may then not change.
 */
import type { DesignationData } from '../designation/machine.js';
import { numberAssignedBy } from '../designation/rules.js';
import type { RecognitionData } from './machine.js';
import { AppError } from '../../errors.js';
import type { InstanceStore } from '../../store/port.js';
import type { RuleContext } from '../kit/rules.js';

/** The particulars of the application as the designation holds them. */
export interface ApplicationParticulars {
  designationNumber?: string;
  cabAddress: string;
  testSites: DesignationData['testSites'];
  contact: DesignationData['contact'];
  testsForOthers: boolean;
  registrationNumbers?: DesignationData['registrationNumbers'];
  accreditation: DesignationData['accreditation'];
  designatedUntil?: string;
}

export async function designationParticulars(store: InstanceStore, designationId: string): Promise<ApplicationParticulars> {
  const record = await store.load('designations', designationId);
  const data = record!.context as DesignationData;
  return {
    ...(data.designationNumber === undefined ? {} : { designationNumber: data.designationNumber }),
    cabAddress: data.cabAddress,
    testSites: data.testSites,
    contact: data.contact,
    testsForOthers: data.testsForOthers,
    ...(data.registrationNumbers === undefined ? {} : { registrationNumbers: data.registrationNumbers }),
    accreditation: data.accreditation,
    ...(data.validUntil === undefined ? {} : { designatedUntil: data.validUntil }),
  };
}

/**
 * The designation number a recognition gets on RECOGNIZE when its designating authority assigned
 * it: that number, which the regulator may not change (`given` must equal it or be left out).
 * Undefined when the importing regulator assigns it under the agreement, or for a recognition
 * filed before designations at home were recorded.
 */
export async function numberFromDesignation(
  context: Pick<RuleContext, 'store' | 'current'>,
  data: RecognitionData & { application?: ApplicationParticulars },
  given: string | undefined,
): Promise<string | undefined> {
  const stored = await context.store.load('agreements', data.agreementId);
  if (!stored || numberAssignedBy(context.current(stored).context) !== 'designating_authority') return undefined;
  const assigned = data.application?.designationNumber;
  if (assigned === undefined) return undefined;
  if (given !== undefined && given !== assigned) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `Under this agreement the designating authority assigns the designation number: it is ${assigned} (47 CFR 2.951(a)(5)); leave designationNumber out.`,
      errors: [{ pointer: '/designationNumber', message: `must be ${assigned}, assigned by the designating authority, or left out` }],
    });
  }
  return assigned;
}
