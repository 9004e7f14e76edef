import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { resources, namespaces } from '@/locales';

export const SUPPORTED_LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** localStorage key. Only the language choice is stored on the device, never personal data. */
export const LANGUAGE_STORAGE_KEY = 'huanxin.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked (private mode, policy): fall back silently
  }
}

function applyLanguage(language: string): void {
  const lang: Language = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // ignore: the choice then lasts for this page only
  }
}

/** Create and initialise an i18next instance (synchronously: resources are bundled). */
export function createI18n(language: Language = readStoredLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', applyLanguage);
  applyLanguage(instance.language);
  return instance;
}

/** Pick the zh or en text of a `{ zh, en }` pair for the current language. */
export function localized(text: { zh: string; en: string } | undefined, language: string): string {
  if (!text) return '';
  return language === 'en' ? text.en || text.zh : text.zh || text.en;
}

/** The `formatFen` / Intl locale for an i18next language. */
export function moneyLocale(language: string): 'zh-CN' | 'en' {
  return language === 'en' ? 'en' : 'zh-CN';
}
