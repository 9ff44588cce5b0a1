/**
 * The names an e-mail shows instead of ids: economies, the CAB, the importer, the accreditation
 * body. Read from the directory when the e-mail is written, so a CAB renamed since the
 * transition is shown by its current name; an id the directory does not know is shown as is.
 */
import type { CabRecord, DirectoryStore, EconomyRecord, Notification, PrincipalRecord } from '../store/port.js';

export interface DirectoryNames {
  economies: ReadonlyMap<string, EconomyRecord>;
  cab: CabRecord | null;
  principals: ReadonlyMap<string, PrincipalRecord>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Looks up everything the notification's data refers to by id. */
export async function directoryNames(notification: Notification, directory: DirectoryStore): Promise<DirectoryNames> {
  const data = notification.data;
  const cabId = text(data['cabId']);
  const principalIds = [text(data['importerId']), text(data['accreditationBodyId'])].filter((id): id is string => id !== undefined);
  const [economies, cab, principals] = await Promise.all([
    directory.listEconomies(),
    cabId === undefined ? null : directory.getCab(cabId),
    Promise.all(principalIds.map((id) => directory.getPrincipal(id))),
  ]);
  return {
    economies: new Map(economies.map((e) => [e.code, e])),
    cab,
    principals: new Map(principals.filter((p): p is PrincipalRecord => p !== null).map((p) => [p.id, p])),
  };
}
