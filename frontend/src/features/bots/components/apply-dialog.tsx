import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../i18n/use-t';
import type { ApplyMode } from '../api/update-bot';

type Props = { name: string; onChoose: (apply: ApplyMode) => void; onClose: () => void };

/** A running bot's new settings take effect by a restart now, or when it next starts. */
export function ApplyDialog({ name, onChoose, onClose }: Props) {
  const t = useT();
  return (
    <Dialog
      title={t('bots.apply.title', { name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChoose('next-start')}
          >
            {t('bots.apply.nextStart')}
          </button>
          <button type="button" className="button" onClick={() => onChoose('restart')}>
            {t('bots.apply.restart')}
          </button>
        </>
      }
    >
      <p>{t('bots.apply.body')}</p>
      <ul>
        <li>{t('bots.apply.restartExplain')}</li>
        <li>{t('bots.apply.nextStartExplain')}</li>
      </ul>
    </Dialog>
  );
}
