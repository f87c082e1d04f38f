// The cases list's search (issue 11): one box for a ticket, a name, a desa or kecamatan, or a NIK.

/** What the box holds: a whole NIK (matched in full only), or a text for tickets, names and places. */
export type CaseQuery = { nik: string } | { text: string; like: string; ticketLike: string } | null;

/** `%text%` for ILIKE, with the wildcards a user might type taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Reads the search box: 16 digits (spaces or dots between them allowed) are a NIK, matched whole,
 * so that a part of a NIK never finds anyone; anything else is a text. A ticket typed with spaces
 * for its underscores (as read aloud, or from paper) still finds it.
 */
export function parseCaseQuery(q: string | undefined | null): CaseQuery {
  const text = (q ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d{16}$/.test(digits)) return { nik: digits };
  return { text, like: likePattern(text), ticketLike: likePattern(text).replace(/ /g, '\\_') };
}
