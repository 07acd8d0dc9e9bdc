# TEST HELPER, NOT FOR TRADING: never signals an entry or an exit, so trades only happen through
# a forced entry (/forceenter) and end by minimal_roi, the stoploss or a forced exit. Used by tests
# and for trying the manual controls by hand.
#
# sim-behaviour: never-enter
from pandas import DataFrame

from freqtrade.strategy import IStrategy


class NeverEnterStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    can_short = False

    minimal_roi = {"0": 0.10}
    stoploss = -0.10
    trailing_stop = False

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["enter_long"] = 0
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["exit_long"] = 0
        return dataframe
