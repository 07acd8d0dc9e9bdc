# Bollinger band breakout on closed candles, spot long-only. Enters when a candle closes above
# the upper Bollinger band (20 candles, bb_std standard deviations) on a volume above
# volume_factor times its 20-candle average (the current candle included), so the move has
# participation behind it. Exits when a candle closes back below the middle band (exit_band
# "middle") or only below the lower band ("lower"); minimal_roi and the stoploss bound every trade.
#
# sim-behaviour: bollinger-breakout
from pandas import DataFrame

from freqtrade.strategy import CategoricalParameter, DecimalParameter, IStrategy

BB_WINDOW = 20
VOLUME_WINDOW = 20


class BollingerBreakoutStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    can_short = False

    minimal_roi = {"720": 0.02, "240": 0.04, "0": 0.08}
    stoploss = -0.06
    trailing_stop = False

    process_only_new_candles = True
    use_exit_signal = True
    startup_candle_count = 30

    bb_std = DecimalParameter(1.5, 3.0, default=2.0, decimals=1, space="buy")
    volume_factor = DecimalParameter(0.5, 3.0, default=1.0, decimals=1, space="buy")
    exit_band = CategoricalParameter(["middle", "lower"], default="middle", space="sell")

    plot_config = {
        "main_plot": {
            "bb_upper": {"color": "grey"},
            "bb_middle": {"color": "orange"},
            "bb_lower": {"color": "grey"},
        },
        "subplots": {"Volume": {"volume_mean": {"color": "blue"}}},
    }

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        close = dataframe["close"]
        middle = close.rolling(BB_WINDOW).mean()
        # Population standard deviation, as TA-Lib's BBANDS.
        width = close.rolling(BB_WINDOW).std(ddof=0) * self.bb_std.value
        dataframe["bb_middle"] = middle
        dataframe["bb_upper"] = middle + width
        dataframe["bb_lower"] = middle - width
        dataframe["volume_mean"] = dataframe["volume"].rolling(VOLUME_WINDOW).mean()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        breakout = (
            (dataframe["close"] > dataframe["bb_upper"])
            & (dataframe["volume"] > dataframe["volume_mean"] * self.volume_factor.value)
            & (dataframe["volume"] > 0)
        )
        dataframe.loc[breakout, ["enter_long", "enter_tag"]] = (1, "bb_breakout")
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        band = "bb_lower" if self.exit_band.value == "lower" else "bb_middle"
        back_inside = (dataframe["close"] < dataframe[band]) & (dataframe["volume"] > 0)
        dataframe.loc[back_inside, "exit_long"] = 1
        return dataframe
