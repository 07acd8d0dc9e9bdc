import { useParams, useSearchParams } from 'react-router-dom';

import { TIMEFRAMES } from '../../../../backend/src/domain/bot';
import { useSession } from '../../features/auth/api/get-session';
import { CardErrorBoundary } from '../../components/errors/card-error-boundary';
import { MarketSummaryCard } from '../../features/assistant/components/market-summary-card';
import { PairAddressError } from '../../features/market/components/pair-address-error';
import { PairPage } from '../../features/market/components/pair-page';
import { fromPairParam } from '../../features/market/lib/pair-param';
import { useT } from '../../i18n/use-t';

/** The server's default when no timeframe is asked for. */
const DEFAULT_TIMEFRAME = '1h';

const isTimeframe = (value: string) => (TIMEFRAMES as readonly string[]).includes(value);

/** One pair (`/market/BTC-USDT?timeframe=4h`), with the assistant's summary card (features meet here). */
export function MarketPairRoute() {
  const t = useT();
  const { data: session } = useSession();
  const { pair: raw } = useParams();
  const [params] = useSearchParams();
  const pair = fromPairParam(raw);
  const timeframe = params.get('timeframe') ?? DEFAULT_TIMEFRAME;
  if (!pair) return <PairAddressError pair={null} badPair={raw ?? ''} />;
  if (!isTimeframe(timeframe)) return <PairAddressError pair={pair} badTimeframe={timeframe} />;
  return (
    <PairPage
      key={pair}
      pair={pair}
      timeframe={timeframe}
      extra={
        <CardErrorBoundary title={t('assistant.market.title')}>
          <MarketSummaryCard
            key={timeframe}
            pair={pair}
            timeframe={timeframe}
            isAdmin={session?.user?.role === 'admin'}
          />
        </CardErrorBoundary>
      }
    />
  );
}
