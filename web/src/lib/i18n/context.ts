import { createContext } from 'svelte';
import { translate, type Locale, type Translate } from './index';

const [getLocaleSource, setLocaleSource] = createContext<() => Locale>();

/**
 * Called once by the root layout with a getter, so components re-render when the locale in the
 * layout data changes (a `taal` switch reloads the data) without a store.
 */
export const provideLocale = (locale: () => Locale): void => {
  setLocaleSource(locale);
};

export const useLocale = (): (() => Locale) => getLocaleSource();

/** `const t = useT();` then `t('inloggen.titel')` in markup. */
export const useT = (): Translate => {
  const locale = getLocaleSource();
  return (key, params) => translate(locale(), key, params);
};
