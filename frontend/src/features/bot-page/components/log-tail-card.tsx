import { useLayoutEffect, useRef, useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { useLogTail } from '../hooks/use-log-tail';

/** How close to the bottom (px) still counts as "following" the tail. */
const FOLLOW_SLACK = 24;

/**
 * The bot's log, newest at the bottom. It follows new lines unless the reader scrolled up to read
 * older ones; scrolling back down follows again.
 */
export function LogTailCard({ botId }: { botId: number }) {
  const { t, formatDateTime } = useI18n();
  const { query, lines } = useLogTail(botId);
  const boxRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box && following) box.scrollTop = box.scrollHeight;
  }, [lines, following]);

  function onScroll() {
    const box = boxRef.current;
    if (!box) return;
    setFollowing(box.scrollHeight - box.scrollTop - box.clientHeight <= FOLLOW_SLACK);
  }

  return (
    <Card title={t('botPage.logs.title')} className="log-card">
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorMessage error={query.error} /> : null}
      {query.data && !query.data.running ? (
        <p className="muted">{t('botPage.logs.notRunning')}</p>
      ) : null}
      {query.data?.at ? (
        <p className="muted log-at">
          {t('botPage.logs.readAt', { at: formatDateTime(query.data.at) })}
        </p>
      ) : null}
      {query.data && lines.length === 0 ? <p>{t('botPage.logs.empty')}</p> : null}
      {lines.length > 0 ? (
        <div
          ref={boxRef}
          className="log-tail"
          role="log"
          aria-label={t('botPage.logs.label')}
          tabIndex={0}
          onScroll={onScroll}
        >
          <ol>
            {lines.map((line, index) => (
              <li key={`${line.at}-${index}`} className={`log-line log-${line.level}`}>
                <time dateTime={line.at}>{formatDateTime(line.at)}</time>{' '}
                <span className="log-level">{t(`botPage.logs.level.${line.level}`)}</span>{' '}
                <span className="log-source">{line.source}</span>{' '}
                <span className="log-message">{line.message}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {!following && lines.length > 0 ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setFollowing(true)}
        >
          {t('botPage.logs.follow')}
        </button>
      ) : null}
    </Card>
  );
}
