import { useId } from 'react';

import { LANGUAGES, isLanguage } from '../../i18n/languages';
import { useI18n } from '../../i18n/use-t';

/** A select of languages, each named in its own language so anyone can find theirs. */
export function LanguagePicker({ showLabel = false }: { showLabel?: boolean }) {
  const { language, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <div className={showLabel ? 'field' : 'inline-field'}>
      {showLabel ? <label htmlFor={id}>{t('settings.language')}</label> : null}
      <select
        id={id}
        aria-label={showLabel ? undefined : t('topbar.language')}
        value={language}
        // Two pickers share the name "Language" on the Settings page; tests tell them apart by this.
        data-testid={showLabel ? 'language-picker-settings' : 'language-picker'}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map(({ code, nativeName }) => (
          <option key={code} value={code} lang={code}>
            {nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
