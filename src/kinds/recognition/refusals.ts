/**
 * Why a recognition's state does not take an event, where a person needs to know more than "not
 * possible now": the engine adds the reason (its code worded in `words.ts`) to its refusal.
 */
import type { Actor, Reason } from '../types.js';
import type { RecognitionData } from './machine.js';
import { sideOf, underJointVerification } from './standing.js';

/** The reason the event is refused in `state`, if the rules of the procedure give one. */
export function recognitionRefusal(state: string, data: RecognitionData, event: { type: string; actor: Actor }): Reason | undefined {
  const regulator = sideOf(event.actor, data) === 'importing';
  const decision = event.type === 'SUSPEND' || event.type === 'DERECOGNIZE';
  // 21 CFR 26.68(d): where the other Party opposes, the CAB "shall not at that time be withdrawn".
  if (regulator && decision && (state === 'verification' || (state === 'suspended' && underJointVerification(data.contest)))) {
    return {
      code: 'JOINT_VERIFICATION_PENDING',
      detail:
        'The designating authority opposed the contest and the recognition is under joint verification: the importing regulator may not suspend or withdraw it until the two sides agree the outcome of the verification or the joint committee decides (21 CFR 26.68(d)).',
    };
  }
  return undefined;
}
