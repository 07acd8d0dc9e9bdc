import { ErrorMessage } from '../../../components/errors/error-message';
import { Card } from '../../../components/ui/card';
import { useI18n } from '../../../i18n/use-t';
import { useAskBotSummary } from '../api/ask-bot-summary';
import { useLatency } from '../hooks/use-latency';
import { AnswerView } from './answer-view';
import { AskButton } from './ask-button';
import './assistant.css';

/** The assistant's summary of a bot's recent signals and trades, asked for with a click. */
export function BotSummaryCard({ botId, isAdmin }: { botId: number; isAdmin: boolean }) {
  const { t, language } = useI18n();
  const ask = useAskBotSummary();
  const latency = useLatency();
  return (
    <Card title={t('assistant.bot.title')} className="assistant-card">
      <p className="muted">{t('assistant.bot.intro')}</p>
      <AskButton
        canAsk={isAdmin}
        label={t('assistant.bot.ask')}
        isPending={ask.isPending}
        hasAnswer={ask.data !== undefined}
        onAsk={() => {
          latency.start();
          ask.mutate({ botId, language }, { onSuccess: latency.stop });
        }}
      />
      {ask.error ? <ErrorMessage error={ask.error} /> : null}
      {ask.data ? <AnswerView answer={ask.data} latencyMs={latency.latencyMs} /> : null}
    </Card>
  );
}
