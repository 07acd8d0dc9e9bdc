// Writes backend/test/fixtures/market/reference-*.json: every indicator of
// backend/src/domain/market/indicators.ts computed by real TA-Lib (the npm package `talib`, which
// bundles and compiles TA-Lib's C source) over each candles-*.json. Run once; see README.md here.
//
//   npm install --prefix /tmp/talib-ref talib@1.1.6
//   node scripts/market-reference/make-reference.mjs [/tmp/talib-ref]
//
// `talib` is deliberately not a dependency of any package.json in the repo: it needs node-gyp and
// a C compiler, and only this one-off script uses it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const prefix = process.argv[2] ?? process.env.TALIB_PREFIX ?? '/tmp/talib-ref';
const require = createRequire(join(prefix, 'package.json'));
const talib = require('talib');
const talibVersion = require('talib/package.json').version;
/** The bundled C library's own version (talib.version is the npm package's). */
const cVersion = await readFile(
  join(dirname(require.resolve('talib/package.json')), 'src/lib/src/ta_common/ta_version.c'),
  'utf8',
).then((src) =>
  ['MAJOR', 'MINOR', 'BUILD', 'EXTRA']
    .map((k) => src.match(new RegExp(`#define ${k} "([^"]*)"`))?.[1] ?? '?')
    .reduce((v, part, i) => (i === 0 ? part : `${v}${i === 3 ? '-' : '.'}${part}`)),
);

const FIXTURE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../backend/test/fixtures/market',
);

/** TA-Lib's output starts at outBegIdx; pad it to the input's length, NaN/Infinity → null. */
function aligned(length, begIndex, values) {
  const out = new Array(length).fill(null);
  values.forEach((v, i) => {
    out[begIndex + i] = Number.isFinite(v) ? v : null;
  });
  return out;
}

function run(params, outputs, length) {
  const res = talib.execute({ startIdx: 0, endIdx: length - 1, ...params });
  if (res.error) throw new Error(`${params.name}: ${res.error}`);
  return Object.fromEntries(
    Object.entries(outputs).map(([ours, theirs]) => [
      ours,
      aligned(length, res.begIndex, res.result[theirs]),
    ]),
  );
}

const files = (await readdir(FIXTURE_DIR)).filter((f) => /^candles-.*\.json$/.test(f)).sort();
if (files.length === 0) throw new Error(`no candles-*.json in ${FIXTURE_DIR}`);

for (const file of files) {
  const { candles } = JSON.parse(await readFile(join(FIXTURE_DIR, file), 'utf8'));
  const n = candles.length;
  const close = candles.map((c) => c.close);
  const high = candles.map((c) => c.high);
  const low = candles.map((c) => c.low);
  const volume = candles.map((c) => c.volume);
  const ema = (p) => run({ name: 'EMA', inReal: close, optInTimePeriod: p }, { v: 'outReal' }, n).v;
  const sma = (inReal, p) =>
    run({ name: 'SMA', inReal, optInTimePeriod: p }, { v: 'outReal' }, n).v;

  const indicators = {
    sma20: sma(close, 20),
    ema9: ema(9),
    // Standalone EMA12/EMA26: not what MACD uses for its fast line (see README.md).
    ema12: ema(12),
    ema21: ema(21),
    ema26: ema(26),
    ema50: ema(50),
    ema200: ema(200),
    rsi14: run({ name: 'RSI', inReal: close, optInTimePeriod: 14 }, { v: 'outReal' }, n).v,
    ...run(
      {
        name: 'MACD',
        inReal: close,
        optInFastPeriod: 12,
        optInSlowPeriod: 26,
        optInSignalPeriod: 9,
      },
      { macd: 'outMACD', macdSignal: 'outMACDSignal', macdHistogram: 'outMACDHist' },
      n,
    ),
    atr14: run({ name: 'ATR', high, low, close, optInTimePeriod: 14 }, { v: 'outReal' }, n).v,
    ...run(
      {
        name: 'BBANDS',
        inReal: close,
        optInTimePeriod: 20,
        optInNbDevUp: 2,
        optInNbDevDn: 2,
        optInMAType: 0, // SMA
      },
      {
        bollingerUpper: 'outRealUpperBand',
        bollingerMiddle: 'outRealMiddleBand',
        bollingerLower: 'outRealLowerBand',
      },
      n,
    ),
    volumeAverage20: sma(volume, 20),
  };
  const lastAverage = indicators.volumeAverage20.at(-1);
  const out = {
    library: `talib ${talibVersion} (node-talib, bundling TA-Lib C ${cVersion})`,
    generatedBy: 'scripts/market-reference/make-reference.mjs',
    candles: file,
    // The only figure that is not TA-Lib's own: a plain division of two of its outputs.
    volumeRatio: lastAverage ? volume[n - 1] / lastAverage : null,
    indicators,
  };
  const target = join(FIXTURE_DIR, file.replace(/^candles-/, 'reference-'));
  const lines = Object.entries(indicators).map(
    ([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`,
  );
  const { indicators: _drop, ...head } = out;
  await writeFile(
    target,
    `${JSON.stringify(head).slice(0, -1)},"indicators":{\n${lines.join(',\n')}\n}}\n`,
  );
  console.log(`${target}: ${Object.keys(indicators).length} indicators × ${n}`);
}
