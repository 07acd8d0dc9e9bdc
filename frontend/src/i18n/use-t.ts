import { useContext } from 'react';

import { I18nContext } from './i18n-provider';
import type { I18nValue, TranslateFn } from './i18n-provider';

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}

/** The translate function of the chosen language. */
export function useT(): TranslateFn {
  return useI18n().t;
}
