# TEST HELPER, NOT FOR TRADING: enters and exits at random, reproducibly. The signal is a hash of
# (seed, pair, candle time), so Spotdesk's Freqtrade simulator and this Python agree on every
# candle; p is the probability of a signal per candle. Used by tests that need busy, repeatable
# trading.
#
# sim-behaviour: random-seeded seed=42 p=0.2
import hashlib

from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


def _uniform(seed: int, pair: str, ts_ms: int, salt: str) -> float:
    digest = hashlib.sha256(f"{seed}|{pair}|{ts_ms}|{salt}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


class RandomSeededStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1m"
    can_short = False

    minimal_roi = {"0": 0.02}
    stoploss = -0.03
    trailing_stop = False

    seed = IntParameter(0, 1000, default=42, space="buy")
    p = DecimalParameter(0.0, 1.0, default=0.2, decimals=2, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        ts = dataframe["date"].astype("int64") // 1_000_000
        pair = metadata["pair"]
        dataframe["u_enter"] = [_uniform(self.seed.value, pair, t, "enter") for t in ts]
        dataframe["u_exit"] = [_uniform(self.seed.value, pair, t, "exit") for t in ts]
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["u_enter"] < self.p.value, ["enter_long", "enter_tag"]] = (1, "random")
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["u_exit"] < self.p.value, "exit_long"] = 1
        return dataframe
