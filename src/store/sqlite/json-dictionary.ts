/**
 * The preset dictionary of packed JSON cells, format 1 (packed-json.ts). Deflate finds in it the
 * keys, states, events, economies and phrases that every instance and history entry repeats, so
 * a cell of a few hundred bytes packs to a few dozen.
 *
 * The text is in `json-dictionary-1.txt`, read once at start-up. Never edit that file: every
 * cell written with format 1 can only be read back with exactly its bytes (test/store/packed-json.test.ts
 * pins their digest; .gitattributes keeps git from touching its line ends). A better dictionary
 * is a new format with a new first byte and a new file, added beside this one.
 *
 * The samples, one a line, are JSON of the demo story (seed/): two e-mail recipients, one of each
 * kind's data and of each kind of history entry; the most frequent, the test reports', come last,
 * nearest to the data.
 */
import { readFileSync } from 'node:fs';

export const JSON_DICTIONARY_1: Buffer = readFileSync(new URL('./json-dictionary-1.txt', import.meta.url));
