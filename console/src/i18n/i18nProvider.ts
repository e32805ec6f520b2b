import polyglotI18nProvider from 'ra-i18n-polyglot';
import frenchMessages from 'ra-language-french';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { fr } from './fr';

export const DEFAULT_LOCALE = 'fr';

/** react-admin's French messages with our catalogue on top. */
export const frMessages: TranslationMessages = mergeTranslations(frenchMessages, fr);

/** English is loaded on demand only (rarely used; keeps it out of the main bundle). */
async function loadEnglish(): Promise<TranslationMessages> {
  const [{ default: englishMessages }, { en }] = await Promise.all([import('ra-language-english'), import('./en')]);
  return mergeTranslations(englishMessages, en);
}

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? loadEnglish() : frMessages),
  DEFAULT_LOCALE,
  [
    { locale: 'fr', name: 'Français' },
    { locale: 'en', name: 'English' },
  ],
  // Server messages (problem+json `detail`, already French) are shown as is.
  { allowMissing: true },
);
