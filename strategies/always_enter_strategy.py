# sim-behaviour: always-enter
# Signals an entry on every candle; exits come only from minimal_roi and the stoploss.
# Useful to fill max_open_trades quickly when trying Spotdesk out. Do not run it with real money.
from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IStrategy


class AlwaysEnterStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1m"
    can_short = False

    minimal_roi = {"0": 0.01}
    stoploss = -0.05
    trailing_stop = False

    use_exit_signal = False
    startup_candle_count = 0

    min_volume = DecimalParameter(0.0, 10.0, default=0.0, decimals=1, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["volume"] >= self.min_volume.value, ["enter_long", "enter_tag"]] = (
            1,
            "always",
        )
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["exit_long"] = 0
        return dataframe
