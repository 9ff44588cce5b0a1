/**
 * Registering a conformity assessment body: only the designating authority of the CAB's own
 * economy, or an admin, may add one (docs/api.md, "Reference data").
 */
import type { Actor } from '../kinds/types.js';
import type { CreateCab } from '../schemas/reference.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { CabRecord, DirectoryStore } from '../store/port.js';

export async function registerCab(directory: DirectoryStore, body: CreateCab, actor: Actor): Promise<CabRecord> {
  const mayRegister = actor.role === 'admin' || (actor.role === 'designating_authority' && actor.economy === body.economy);
  if (!mayRegister) {
    throw new AppError({
      code: 'FORBIDDEN',
      detail: `Only the designating authority of ${body.economy} (or an admin) may register a CAB of ${body.economy}.`,
    });
  }
  if (!(await directory.getEconomy(body.economy))) {
    throw new AppError({
      code: 'UNKNOWN_REFERENCE',
      detail: `There is no economy "${body.economy}" (GET /economies lists them).`,
      errors: [{ pointer: '/economy', message: `unknown economy "${body.economy}"` }],
    });
  }
  const cab: CabRecord = { id: newId(), ...body };
  await directory.putCab(cab);
  return cab;
}
