/** The words of the web pages, by language: the general words with every registered kind's own. */
import { kindModules, registryGeneration } from '../../kinds/index.js';
import type { Kind } from '../../kinds/types.js';
import type { Language } from '../types.js';
import { en } from './en.js';
import type { GeneralPageText, PageText } from './types.js';
import { vi } from './vi.js';

/** The general page words of a language with the kinds' list titles, fields and actions added. */
function withKinds(general: GeneralPageText, language: Language): PageText {
  let gathered: { generation: number; text: Pick<PageText, 'kinds' | 'fields' | 'actions'> } | undefined;
  const kindText = () => {
    if (gathered?.generation !== registryGeneration()) {
      const words = kindModules().map((m) => [m.workflow.kind, m.words[language]] as const);
      gathered = {
        generation: registryGeneration(),
        text: {
          kinds: Object.fromEntries(words.map(([kind, w]) => [kind, w.plural])) as Record<Kind, string>,
          fields: Object.assign({}, general.fields, ...words.map(([, w]) => w.fields ?? {})) as PageText['fields'],
          actions: Object.assign({}, general.actions, ...words.map(([, w]) => w.actions ?? {})) as PageText['actions'],
        },
      };
    }
    return gathered.text;
  };
  const text = { ...general };
  for (const key of ['kinds', 'fields', 'actions'] as const) Object.defineProperty(text, key, { enumerable: true, get: () => kindText()[key] });
  return text as PageText;
}

export const pageTexts: Readonly<Record<Language, PageText>> = { en: withKinds(en, 'en'), vi: withKinds(vi, 'vi') };

export type { FieldText, PageText } from './types.js';
