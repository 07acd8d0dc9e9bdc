import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { RECOMMENDABLE_FIELDS } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { Recommendation } from '../../../../../backend/src/http/routes/assistant-schemas';
import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useAskRecommendation } from '../api/ask-recommendation';
import { useLatency } from '../hooks/use-latency';
import { StaleRecommendationError, UnsendablePatchError } from '../lib/apply-recommendation';
import type { ApplyRecommendationInput } from '../lib/apply-recommendation';
import { AnswerView } from './answer-view';
import { ApplyRecommendationDialog } from './apply-recommendation-dialog';
import { AskButton } from './ask-button';
import { RecommendationDiff } from './recommendation-diff';
import './assistant.css';

export type RecommendationBot = {
  id: number;
  name: string;
  /** The bot's configVersion now (kept current by the page). */
  configVersion: number;
  /** Its process runs (RUNNING or PAUSED asked): applying means restart now or at next start. */
  isRunning: boolean;
};

type Props = {
  bot: RecommendationBot;
  isAdmin: boolean;
  /** Saves the patch through the bots API (the route supplies it); rejects with its refusal. */
  onApply: (input: ApplyRecommendationInput) => Promise<unknown>;
};

function ApplyErrors({ error }: { error: unknown }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (error instanceof StaleRecommendationError) return null;
  if (error instanceof UnsendablePatchError) {
    return <Alert tone="error">{t('assistant.rec.unsendable')}</Alert>;
  }
  const fields = Object.entries(serverFieldErrors(error, i18n));
  return (
    <>
      <ErrorMessage error={error} />
      {fields.length > 0 ? (
        <ul className="field-error">
          {fields.map(([path, message]) => {
            const field = path.split('.')[0] ?? path;
            const known = RECOMMENDABLE_FIELDS.find((name) => name === field);
            return (
              <li key={path}>
                {known ? t(`assistant.field.${known}`) : <code>{path}</code>}: {message}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}

/**
 * Settings the assistant proposes for a bot, as a diff. Nothing is saved until an admin clicks
 * Apply and confirms; a recommendation made against older settings says so and cannot be applied.
 */
export function RecommendationCard({ bot, isAdmin, onApply }: Props) {
  const { t, language } = useI18n();
  const ask = useAskRecommendation();
  const apply = useMutation({ mutationFn: onApply });
  const latency = useLatency();
  const [confirming, setConfirming] = useState(false);
  const rec: Recommendation | undefined = ask.data;
  const applied = apply.isSuccess && apply.variables.configVersion === rec?.configVersion;
  const staleError = apply.error instanceof StaleRecommendationError ? apply.error : null;
  const currentVersion = staleError?.currentVersion ?? bot.configVersion;
  const isStale = rec !== undefined && !applied && currentVersion !== rec.configVersion;

  function askAgain() {
    apply.reset();
    latency.start();
    ask.mutate({ botId: bot.id, language }, { onSuccess: latency.stop });
  }

  return (
    <Card title={t('assistant.rec.title')} className="assistant-card">
      <p className="muted">{t('assistant.rec.intro')}</p>
      <AskButton
        label={t('assistant.rec.ask')}
        canAsk={isAdmin}
        isPending={ask.isPending}
        hasAnswer={rec !== undefined}
        onAsk={askAgain}
      />
      {ask.error ? <ErrorMessage error={ask.error} /> : null}
      {rec ? (
        <>
          <AnswerView answer={rec} latencyMs={latency.latencyMs} />
          {rec.changes.length === 0 ? (
            <p>{t('assistant.rec.none')}</p>
          ) : (
            <RecommendationDiff changes={rec.changes} facts={rec.facts} />
          )}
          {isStale ? (
            <Alert tone="info">
              {t('assistant.rec.stale', { then: rec.configVersion, now: currentVersion })}
            </Alert>
          ) : null}
          {applied ? <Alert tone="success">{t('assistant.rec.applied')}</Alert> : null}
          {apply.error ? <ApplyErrors error={apply.error} /> : null}
          {rec.changes.length > 0 && !applied ? (
            isAdmin ? (
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={isStale || apply.isPending}
                  onClick={() => setConfirming(true)}
                >
                  {apply.isPending ? t('form.wait') : t('assistant.rec.apply')}
                </button>
              </div>
            ) : (
              <p className="muted small">{t('assistant.rec.adminOnly')}</p>
            )
          ) : null}
          {confirming ? (
            <ApplyRecommendationDialog
              botName={bot.name}
              changes={rec.changes}
              isRunning={bot.isRunning}
              onClose={() => setConfirming(false)}
              onConfirm={(mode) => {
                setConfirming(false);
                apply.mutate({ patch: rec.patch, configVersion: rec.configVersion, apply: mode });
              }}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
