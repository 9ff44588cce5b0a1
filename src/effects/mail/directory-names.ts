/**
 * The names an e-mail shows instead of ids: economies, the CAB, the importer, the accreditation
 * body. Read from the directory when the e-mail is written, so a CAB renamed since the
 * transition is shown by its current name; an id the directory does not know is shown as is.
 * A batch of e-mails reads each record it needs once: the economies, and every CAB and principal
 * named by any of its notifications.
 */
import type { CabRecord, DirectoryStore, EconomyRecord, Notification, PrincipalRecord } from '../../store/port.js';

export interface DirectoryNames {
  economies: ReadonlyMap<string, EconomyRecord>;
  cab: CabRecord | null;
  principals: ReadonlyMap<string, PrincipalRecord>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function cabIdOf(notification: Notification): string | undefined {
  return text(notification.data['cabId']);
}

function principalIdsOf(notification: Notification): string[] {
  const data = notification.data;
  return [text(data['importerId']), text(data['accreditationBodyId'])].filter((id): id is string => id !== undefined);
}

/** Reads the records `ids` name, each once, by id; those the directory does not know are left out. */
async function byId<T extends object>(ids: Iterable<string>, read: (id: string) => Promise<T | null>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const records = await Promise.all(unique.map(read));
  return new Map(unique.flatMap((id, i) => (records[i] ? [[id, records[i]] as const] : [])));
}

/**
 * Looks up everything the notifications' data refer to by id, each record once, and answers the
 * names of each notification.
 */
export async function directoryNamesOf(
  notifications: readonly Notification[],
  directory: DirectoryStore,
): Promise<(notification: Notification) => DirectoryNames> {
  const [economies, cabs, principals] = await Promise.all([
    directory.listEconomies(),
    byId(notifications.flatMap((n) => cabIdOf(n) ?? []), (id) => directory.getCab(id)),
    byId(notifications.flatMap(principalIdsOf), (id) => directory.getPrincipal(id)),
  ]);
  const economyMap = new Map(economies.map((e) => [e.code, e]));
  return (notification) => {
    const cabId = cabIdOf(notification);
    return {
      economies: economyMap,
      cab: cabId === undefined ? null : (cabs.get(cabId) ?? null),
      principals: new Map(principalIdsOf(notification).flatMap((id) => (principals.has(id) ? [[id, principals.get(id)!] as const] : []))),
    };
  };
}

/** Looks up everything the notification's data refers to by id. */
export async function directoryNames(notification: Notification, directory: DirectoryStore): Promise<DirectoryNames> {
  return (await directoryNamesOf([notification], directory))(notification);
}
