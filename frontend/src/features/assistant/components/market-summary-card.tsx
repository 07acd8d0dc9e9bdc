import { ErrorMessage } from '../../../components/errors/error-message';
import { Card } from '../../../components/ui/card';
import { useI18n } from '../../../i18n/use-t';
import { useAskMarketSummary } from '../api/ask-market-summary';
import { useLatency } from '../hooks/use-latency';
import { AnswerView } from './answer-view';
import { AskButton } from './ask-button';
import './assistant.css';

/** The assistant's reading of one pair at one timeframe, asked for with a click. */
export function MarketSummaryCard({
  pair,
  timeframe,
  isAdmin,
}: {
  pair: string;
  timeframe: string;
  isAdmin: boolean;
}) {
  const { t, language } = useI18n();
  const ask = useAskMarketSummary();
  const latency = useLatency();
  return (
    <Card title={t('assistant.market.title')} className="assistant-card">
      <p className="muted">{t('assistant.market.intro', { pair, timeframe })}</p>
      <AskButton
        label={t('assistant.market.ask')}
        canAsk={isAdmin}
        isPending={ask.isPending}
        hasAnswer={ask.data !== undefined}
        onAsk={() => {
          latency.start();
          ask.mutate({ pair, timeframe, language }, { onSuccess: latency.stop });
        }}
      />
      {ask.error ? <ErrorMessage error={ask.error} /> : null}
      {ask.data ? <AnswerView answer={ask.data} latencyMs={latency.latencyMs} /> : null}
    </Card>
  );
}
