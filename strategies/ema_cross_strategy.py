# Moving-average cross on closed candles, spot long-only. Enters when the fast moving average
# (fast_ema candles) crosses above the slow one (slow_ema candles) and exits on the cross back
# down, unless exit_on_cross is false, in which case only minimal_roi and the stoploss end a
# trade. ma_type chooses an exponential ("ema") or simple ("sma") average.
#
# sim-behaviour: ema-cross
from pandas import DataFrame

from freqtrade.strategy import BooleanParameter, CategoricalParameter, IntParameter, IStrategy


class EmaCrossStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    can_short = False

    minimal_roi = {"60": 0.01, "30": 0.02, "0": 0.04}
    stoploss = -0.10
    trailing_stop = False

    process_only_new_candles = True
    use_exit_signal = True
    # An EMA seeded on the first candle needs a few slow_ema spans before the seed stops mattering.
    startup_candle_count = 150

    fast_ema = IntParameter(5, 20, default=9, space="buy")
    slow_ema = IntParameter(21, 60, default=21, space="buy")
    ma_type = CategoricalParameter(["ema", "sma"], default="ema", space="buy")
    exit_on_cross = BooleanParameter(default=True, space="sell")

    plot_config = {
        "main_plot": {"ema_fast": {"color": "orange"}, "ema_slow": {"color": "blue"}},
        "subplots": {},
    }

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        close = dataframe["close"]
        if self.ma_type.value == "sma":
            dataframe["ema_fast"] = close.rolling(self.fast_ema.value).mean()
            dataframe["ema_slow"] = close.rolling(self.slow_ema.value).mean()
        else:
            dataframe["ema_fast"] = close.ewm(span=self.fast_ema.value, adjust=False).mean()
            dataframe["ema_slow"] = close.ewm(span=self.slow_ema.value, adjust=False).mean()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        crossed_up = (dataframe["ema_fast"] > dataframe["ema_slow"]) & (
            dataframe["ema_fast"].shift(1) <= dataframe["ema_slow"].shift(1)
        )
        dataframe.loc[crossed_up & (dataframe["volume"] > 0), ["enter_long", "enter_tag"]] = (
            1,
            "ema_cross_up",
        )
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        if not self.exit_on_cross.value:
            dataframe["exit_long"] = 0
            return dataframe
        crossed_down = (dataframe["ema_fast"] < dataframe["ema_slow"]) & (
            dataframe["ema_fast"].shift(1) >= dataframe["ema_slow"].shift(1)
        )
        dataframe.loc[crossed_down & (dataframe["volume"] > 0), "exit_long"] = 1
        return dataframe
