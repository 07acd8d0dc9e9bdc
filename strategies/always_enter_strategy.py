# DEMO AND TEST STRATEGY, NOT FOR TRADING: signals an entry on every candle, so a bot fills its
# max_open_trades slots at once; only minimal_roi and the stoploss close its trades. It exists for
# the offline demo (SPOTDESK_SIMULATION=1) and for tests; never run it with real money.
#
# sim-behaviour: always-enter
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
