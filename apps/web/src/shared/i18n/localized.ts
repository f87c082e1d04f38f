import type { LocalizedText } from '@contracts';
import type { Lang } from './texts';

/** A text the API sends in both languages (a standard's name), in the user's, falling back to the other. */
export function loc(text: LocalizedText | null | undefined, lang: Lang, fallback = '—'): string {
  if (!text) return fallback;
  return (lang === 'en' ? text.en || text.id : text.id || text.en) || fallback;
}
