/** The words of the web pages, by language. */
import type { Language } from '../types.js';
import { en } from './en.js';
import type { PageText } from './types.js';
import { vi } from './vi.js';

export const pageTexts: Readonly<Record<Language, PageText>> = { en, vi };

export type { FieldText, PageText } from './types.js';
