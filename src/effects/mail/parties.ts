/** Who hears of a transition: the workflow's party rules turned into e-mail recipients, contributed to its commit. */
import type { PartyRule } from '../../kinds/types.js';
import type { DirectoryStore, Recipient } from '../../store/port.js';
import type { CommitContributor } from '../../engine/contributors.js';
import { stringsAt } from '../../engine/paths.js';

async function recipientsOf(rule: PartyRule, data: Record<string, unknown>, directory: DirectoryStore): Promise<Recipient[]> {
  if ('principals' in rule) {
    const { role, economy } = rule.principals;
    const economies = stringsAt(data, economy);
    const principals = await directory.findPrincipals({ role, economies });
    return principals.map((p) => ({ address: p.email, name: p.name, language: p.language, party: `${role}:${p.economy ?? ''}` }));
  }
  if ('principal' in rule) {
    // The field names an organisation (an accreditation body, an importer): every enabled principal acting for it.
    const [id] = stringsAt(data, rule.principal);
    const principals = id === undefined ? [] : await directory.findPrincipals({ organisation: id });
    return principals.map((p) => ({ address: p.email, name: p.name, language: p.language, party: p.role }));
  }
  const [id] = stringsAt(data, rule.cab);
  const cab = id === undefined ? null : await directory.getCab(id);
  return cab ? [{ address: cab.email, name: cab.name, language: cab.language, party: 'cab' }] : [];
}

/** Every party's recipients, each address once (the first rule that names it wins). */
export async function recipientsFor(
  rules: readonly PartyRule[],
  data: Record<string, unknown>,
  directory: DirectoryStore,
): Promise<Recipient[]> {
  const all = (await Promise.all(rules.map((rule) => recipientsOf(rule, data, directory)))).flat();
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = r.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The transition's parties (the workflow's party rules) as the first recipients of its e-mail. */
export const partiesContributor: CommitContributor = {
  name: 'mail',
  async contribute(t, _soFar, { store }) {
    return { recipients: await recipientsFor(t.workflow.parties, t.data, store) };
  },
};
