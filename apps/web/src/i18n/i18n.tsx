import type { Locale } from '@stockscan/contracts';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { getLocale, storeLocale } from './locale';

type Vars = Record<string, string | number>;
export type Messages<K extends string> = { fr: Record<K, string>; en: Record<K, string> };

/** Each feature declares its own messages (French is the source, English must have every key). */
export function defineMessages<K extends string>(messages: {
  fr: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}) {
  return messages;
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'fr',
  setLocale: () => {},
});

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(getLocale);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale() {
  return useContext(LocaleContext);
}

export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** `const t = useT(messages); t('title', { n: 3 })` */
export function useT<K extends string>(messages: Messages<K>) {
  const { locale } = useLocale();
  return useCallback((key: K, vars?: Vars) => format(messages[locale][key], vars), [messages, locale]);
}

/** Pick the right side of a {fr, en} pair coming from the server (verdict messages, warnings). */
export function useLocalized() {
  const { locale } = useLocale();
  return useCallback((text: { fr: string; en: string }) => text[locale], [locale]);
}
