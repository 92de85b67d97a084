import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Problem } from '#shared/errors';
import { th } from './th';

export type Language = 'th' | 'en';
const STORAGE_KEY = 'thanrak.language';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
const initial: Language = saved === 'en' ? 'en' : 'th';

void i18n.use(initReactI18next).init({
  resources: { th: { translation: th } },
  lng: 'th',
  fallbackLng: 'th',
  interpolation: { escapeValue: false },
});

/** English loads only when chosen: the sign-in page downloads one language (first load under 200 KB). */
async function loadEnglish(): Promise<void> {
  if (i18n.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

async function switchTo(language: Language): Promise<void> {
  if (language === 'en') await loadEnglish();
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

/** Resolves once the remembered language can be shown (main.tsx renders after it). */
export const languageReady: Promise<void> = switchTo(initial);

/** Thai first; the choice of English is remembered on this device. */
export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void switchTo(language);
}

export function useLanguage() {
  const { t, i18n: instance } = useTranslation();
  const language = (instance.language === 'en' ? 'en' : 'th') as Language;
  /** The server's message in the current language. */
  const problemText = (problem: Pick<Problem, 'th' | 'en'>) => (language === 'th' ? problem.th : problem.en);
  /** A record's name in the current language. */
  const nameOf = (x: { nameTh: string; nameEn: string }) => (language === 'th' ? x.nameTh : x.nameEn);
  return { t, language, problemText, nameOf };
}

export default i18n;
