// The chosen language (Bahasa Indonesia by default, English a click away), remembered in
// localStorage, and `t` over the dictionary app/texts.ts combines from every feature.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGS, fill, type Lang, type Texts, type Vars } from './texts';

/**
 * Filled in by app/texts.ts (`declare module`) with the combined dictionary's type, so that
 * `MessageKey` is the union of every feature's keys without shared code importing features.
 */
export interface Register {}

export type MessageKey = Register extends { texts: Texts<infer K> } ? K : string;

/** A label for every value of an enum (`Record<CaseStatus, MessageKey>`): a value without one does not compile. */
export type LabelMap<E extends string> = Readonly<Record<E, MessageKey>>;

/** The values of an enum, in the order its label map lists them. */
export function valuesOf<E extends string>(map: LabelMap<E>): E[] {
  return Object.keys(map) as E[];
}

/** Whether `code` is one of the map's values (a code the server sends may be newer than the dashboard). */
export function isLabelled<E extends string>(map: LabelMap<E>, code: string | null | undefined): code is E {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(map, code);
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** the label of an enum value; a value the map does not know is shown as it is */
  label: <E extends string>(map: LabelMap<E>, code: string | null | undefined) => string;
  /** BCP 47 tag for Intl formatting */
  locale: string;
}

const STORAGE_KEY = 'sigap.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    /* storage may be blocked: stay with the default */
  }
  return 'id';
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ texts, children }: { texts: Texts<MessageKey>; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* not remembered, still switched */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const t: Translate = (key, vars) => fill(texts[lang][key] ?? texts.id[key] ?? key, vars);
    return {
      lang,
      setLang,
      t,
      label: (map, code) => (isLabelled(map, code) ? t(map[code]) : (code ?? '—')),
      locale: lang === 'id' ? 'id-ID' : 'en-GB',
    };
  }, [lang, setLang, texts]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside LanguageProvider');
  return ctx;
}
