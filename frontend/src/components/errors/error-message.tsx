import { translateError } from '../../i18n/translate-error';
import { useI18n } from '../../i18n/use-t';
import { Alert } from '../ui/alert';

/** Any error (API, network, bug) as one translated sentence. */
export function ErrorMessage({ error }: { error: unknown }) {
  const i18n = useI18n();
  return <Alert tone="error">{translateError(error, i18n)}</Alert>;
}
