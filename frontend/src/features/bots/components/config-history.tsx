import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import type { ConfigVersion } from '../api/get-bot-config';

// The reasons the orchestrator writes (services/bot-service.ts); any other is shown as sent.
const REASONS: Record<string, MessageKey> = {
  created: 'bots.config.reason.created',
  edited: 'bots.config.reason.edited',
  'edited, restarted': 'bots.config.reason.editedRestarted',
  'mode SIMULATED': 'bots.config.reason.toPaper',
  'mode REAL_MARKET_SPOT': 'bots.config.reason.toLive',
};

function Reason({ reason }: { reason: string }) {
  const { t } = useI18n();
  const key = Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;
  return key ? <>{t(key)}</> : <span lang="en">{reason}</span>;
}

function When({ at }: { at: number | string }) {
  const { formatDateTime } = useI18n();
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return <>{String(at)}</>;
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

function show(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

function Change({ change }: { change: ConfigVersion['changes'][number] }) {
  const { t } = useI18n();
  const hasBefore = change.before !== undefined;
  const hasAfter = change.after !== undefined;
  return (
    <li>
      <code className="diff-key">{change.path}</code>
      {hasBefore ? (
        <del>
          <span className="sr-only">{t('audit.before')}: </span>
          {show(change.before)}
        </del>
      ) : null}
      {hasBefore && hasAfter ? <span aria-hidden="true"> → </span> : null}
      {hasAfter ? (
        <ins>
          <span className="sr-only">{t('audit.after')}: </span>
          {show(change.after)}
        </ins>
      ) : null}
    </li>
  );
}

/** Each saved version of the config, newest first, with what changed from the one before. */
export function ConfigHistory({ versions }: { versions: ConfigVersion[] }) {
  const { t } = useI18n();
  if (versions.length === 0) return <p className="muted">{t('bots.config.noHistory')}</p>;
  return (
    <div>
      <h3>{t('bots.config.history')}</h3>
      <ol className="config-history">
        {versions.map((version) => (
          <li key={version.version}>
            <p>
              <strong>{t('bots.config.version', { version: version.version })}</strong> ·{' '}
              <When at={version.createdAt} /> · <Reason reason={version.reason} />
            </p>
            {version.changes.length === 0 ? (
              <p className="muted">{t('bots.config.noChanges')}</p>
            ) : (
              <ul className="diff">
                {version.changes.map((change) => (
                  <Change key={change.path} change={change} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
