/**
 * The one folding of text for search, applied alike to what is indexed and to what a person
 * types: decomposed (NFD) so that NFC and NFD input agree, combining marks removed (ệ -> e,
 * ư -> u), đ/Đ -> d (a letter of its own, not a mark, so NFD leaves it), lower case, and runs of
 * white space as one space. "Công ty Cổ phần Thiết bị Mạng Phương Nam" and "CONG TY CO PHAN
 * THIET BI MANG PHUONG NAM" fold to the same text.
 */

/** The shortest fragment the trigram index can look up. */
export const MIN_FRAGMENT = 3;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a person typed in one search box, folded and cut into fragments the index can look up,
 * each of which must occur somewhere in the record. Words are kept apart (so "Phuong Nam PN-AX"
 * finds the manufacturer and the model), except that a word shorter than the index's trigrams
 * rides with its neighbour: Vietnamese syllables are often two letters ("ty", "Cổ"), and
 * "ty co" is still a fragment of "cong ty co phan".
 *
 * @returns no fragments when the folded text is shorter than {@link MIN_FRAGMENT}.
 */
export function searchFragments(typed: string): string[] {
  const words = foldText(typed).split(' ').filter(Boolean);
  const fragments: string[] = [];
  let pending = '';
  for (const word of words) {
    pending = pending === '' ? word : `${pending} ${word}`;
    if (pending.length >= MIN_FRAGMENT) {
      fragments.push(pending);
      pending = '';
    }
  }
  if (pending !== '') {
    if (fragments.length === 0) return [];
    fragments[fragments.length - 1] = `${fragments.at(-1)!} ${pending}`;
  }
  return fragments;
}
