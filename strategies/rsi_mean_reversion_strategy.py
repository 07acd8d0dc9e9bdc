# RSI mean reversion on closed candles, spot long-only. Enters when RSI(14) (Wilder's smoothing)
# is below buy_rsi, so the pair is oversold, while the candle closes back above the lower Bollinger
# band (20 candles, bb_std standard deviations): the sell-off has stopped stretching the band and a
# bounce towards the mean is likely. Exits when RSI rises above sell_rsi; minimal_roi and the
# stoploss bound every trade. A flat window (no price change in 14 candles) gives no RSI and so no
# signal.
#
# sim-behaviour: rsi-mean-reversion
import numpy as np
from pandas import DataFrame, Series

from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy

RSI_PERIOD = 14
BB_WINDOW = 20


def _wilder_mean(values: Series, period: int) -> Series:
    """Wilder's running mean: the plain mean of the first `period` values, then
    avg = (avg * (period - 1) + value) / period, which is an EWM with alpha = 1 / period."""
    seeded = values.copy()
    seeded.iloc[: period + 1] = np.nan
    if len(values) > period:
        seeded.iloc[period] = values.iloc[1 : period + 1].mean()
    return seeded.ewm(alpha=1 / period, adjust=False).mean()


def wilder_rsi(close: Series, period: int = RSI_PERIOD) -> Series:
    """RSI seeded and smoothed as TA-Lib's RSI (first value on candle `period`), except that a
    window without any change is NaN: TA-Lib answers 0 there, which would read as oversold."""
    delta = close.diff()
    avg_gain = _wilder_mean(delta.clip(lower=0.0), period)
    avg_loss = _wilder_mean((-delta).clip(lower=0.0), period)
    total = avg_gain + avg_loss
    return (100 * avg_gain / total).where(total > 0)


class RsiMeanReversionStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    can_short = False

    minimal_roi = {"180": 0.005, "60": 0.015, "0": 0.03}
    stoploss = -0.08
    trailing_stop = False

    process_only_new_candles = True
    use_exit_signal = True
    # Wilder's RSI depends on every candle since the first; 100 candles make the seed negligible.
    startup_candle_count = 100

    buy_rsi = IntParameter(15, 40, default=30, space="buy")
    bb_std = DecimalParameter(1.5, 3.0, default=2.0, decimals=1, space="buy")
    sell_rsi = IntParameter(55, 85, default=70, space="sell")

    plot_config = {
        "main_plot": {
            "bb_upper": {"color": "grey"},
            "bb_middle": {"color": "orange"},
            "bb_lower": {"color": "grey"},
        },
        "subplots": {"RSI": {"rsi": {"color": "purple"}}},
    }

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        close = dataframe["close"]
        dataframe["rsi"] = wilder_rsi(close)
        middle = close.rolling(BB_WINDOW).mean()
        # Population standard deviation, as TA-Lib's BBANDS.
        width = close.rolling(BB_WINDOW).std(ddof=0) * self.bb_std.value
        dataframe["bb_middle"] = middle
        dataframe["bb_upper"] = middle + width
        dataframe["bb_lower"] = middle - width
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        oversold_rebound = (
            (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["close"] > dataframe["bb_lower"])
            & (dataframe["volume"] > 0)
        )
        dataframe.loc[oversold_rebound, ["enter_long", "enter_tag"]] = (1, "rsi_oversold")
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        overbought = (dataframe["rsi"] > self.sell_rsi.value) & (dataframe["volume"] > 0)
        dataframe.loc[overbought, "exit_long"] = 1
        return dataframe
