// Types for the part of sim/exchange (plain JavaScript, no declarations) the exchange adapter
// tests use; sim/exchange/README.md "Use it from tests" is the reference.
declare module '@spotdesk/sim-exchange' {
  export interface SimRequest {
    id: number;
    /** Server clock (ms), i.e. including the sim's clock offset. */
    time: number;
    ip: string;
    method: string;
    path: string;
    query: string;
    body: string;
    /** Masked: first 4 characters and `…`. */
    apiKey: string | null;
    status: number;
    weight: number;
    fault: string | null;
  }

  export interface SimFault {
    path: string;
    method?: string;
    kind: 'latency' | 'status' | 'malformed' | 'drop' | 'hang';
    status?: number;
    latencyMs?: number;
    body?: string;
    count?: number;
  }

  export interface SimKeyRights {
    ipRestrict?: boolean;
    enableReading?: boolean;
    enableSpotAndMarginTrading?: boolean;
    enableWithdrawals?: boolean;
    ipWhitelist?: string[];
  }

  export interface SimKey {
    apiKey?: string;
    secret?: string;
    balances?: Record<string, string | number>;
    rights?: SimKeyRights;
  }

  export interface SimAccount {
    apiKey: string;
    balances: Record<string, { free: string; locked: string }>;
    rights: SimKeyRights;
  }

  export interface SimControl {
    createKey(key?: SimKey): Required<Pick<SimKey, 'apiKey' | 'secret'>>;
    setBalances(apiKey: string, balances: Record<string, string | number>): SimAccount;
    getAccount(apiKey: string): SimAccount;
    setKeyRights(apiKey: string, rights: SimKeyRights): SimAccount;
    setPrice(symbol: string, price: string | number): unknown;
    /** A linear path from the current price through the points, then held at the last one. */
    scriptPrice(
      symbol: string,
      points: Array<{ afterMs: number; price: string | number }>,
    ): unknown;
    getPrice(symbol: string): string;
    /** exchangeInfo's status of a pair (`BREAK` lists it as delisted); `TRADING` restores it. */
    setMarketStatus(symbol: string, status: string): { symbol: string; status: string };
    addFault(fault: SimFault): SimFault & { id: number; hits: number };
    clearFaults(): void;
    requestLog(filter?: { path?: string; limit?: number }): SimRequest[];
    clearRequestLog(): void;
    setClockOffset(ms: number): { offsetMs: number };
    reset(): void;
  }

  export interface SimExchange {
    httpUrl: string;
    wsUrl: string;
    port: number;
    control: SimControl;
    close(): Promise<void>;
  }

  export interface SimExchangeOptions {
    seed?: number;
    weightLimit?: number;
    banSeconds?: number;
    banAfterViolations?: number;
    clockOffsetMs?: number;
    keys?: SimKey[];
  }

  export function startExchange(options?: SimExchangeOptions): Promise<SimExchange>;
}
