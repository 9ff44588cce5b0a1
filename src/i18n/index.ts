/** The languages e-mails are written in, chosen by each recipient's `language`. */
import { en } from './en.js';
import type { Language, Wording } from './types.js';
import { vi } from './vi.js';

export const wordings: Readonly<Record<Language, Wording>> = { en, vi };

export type { Language, Wording } from './types.js';
