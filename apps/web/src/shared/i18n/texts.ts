// How a feature writes its texts: Bahasa Indonesia first, English with exactly the same keys
// (a missing or an extra key does not compile), `{placeholders}` filled by `t`. app/texts.ts
// combines every feature's texts into one dictionary; a key defined twice does not compile.

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Vars = Record<string, string | number>;

/** One feature's texts in both languages. */
export interface Texts<K extends string> {
  readonly id: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** The keys of a Texts. */
export type KeyOf<T> = T extends Texts<infer K> ? K : never;

/** A feature's texts: `en` must name exactly the keys of `id`. */
export function defineTexts<I extends Record<string, string>>(id: I, en: { readonly [K in keyof I]: string }): Texts<keyof I & string> {
  return { id, en };
}

/** Keys defined by more than one of the parts. */
type Duplicates<L extends readonly unknown[], Seen extends string = never> = L extends readonly [infer H, ...infer R]
  ? (KeyOf<H> & Seen) | Duplicates<R, Seen | KeyOf<H>>
  : never;

/** The parts as one dictionary; a key in two parts is a compile error naming the key. */
export function combineTexts<const L extends readonly Texts<string>[]>(
  ...parts: L & ([Duplicates<L>] extends [never] ? unknown : { duplicateKeys: Duplicates<L> })
): Texts<KeyOf<L[number]>> {
  const id: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const p of parts as readonly Texts<string>[]) {
    Object.assign(id, p.id);
    Object.assign(en, p.en);
  }
  return { id, en } as Texts<KeyOf<L[number]>>;
}

/** The text of `key` with `{placeholders}` filled in; a placeholder without a value stays as it is. */
export function fill(text: string, vars?: Vars): string {
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}
