#!/usr/bin/env node
// Spotdesk's Freqtrade simulator: `freqtrade trade --config FILE ...` (see sim/freqtrade/README.md).
import { main } from '../src/main.js';

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Fatal exception!\n${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
