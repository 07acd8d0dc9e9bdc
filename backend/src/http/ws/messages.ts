import { z } from 'zod';

// The panel's one WebSocket (/api/ws). Every server frame is {v, type, data}.
// PROTOCOL_VERSION history:
//   1 (2026-12-01): hello, subscribed, event, error; subscribe / unsubscribe / ping from clients.
export const PROTOCOL_VERSION = 1;

/** Channels of PRODUCT.md C3 (+ market for C5); events on them arrive as `event` frames. */
export const CHANNELS = [
  'bots',
  'orders',
  'positions',
  'account',
  'signals',
  'logs',
  'alerts',
  'market',
] as const;
export type Channel = (typeof CHANNELS)[number];

const channelList = z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length);
// Bot ids as the API names them; absent = every bot.
const botFilter = z.array(z.number().int().positive()).max(500).optional();

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channels: channelList, bots: botFilter }),
  z.object({ type: z.literal('unsubscribe'), channels: channelList }),
  z.object({ type: z.literal('ping'), id: z.string().max(64).optional() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | {
      type: 'hello';
      data: { protocol: number; user: { id: number; username: string; role: string } };
    }
  | { type: 'subscribed'; data: { channels: Channel[]; bots: number[] | null } }
  | { type: 'pong'; data: { id: string | null; serverTime: string } }
  | {
      type: 'event';
      data: { channel: Channel; botId: number | null; at: string; payload: unknown };
    }
  | { type: 'error'; data: { code: string; message: string } };

/** WebSocket close codes (4000–4999 are the application's own). */
export const CLOSE = {
  goingAway: 1001,
  sessionEnded: 4401,
  originRefused: 4403,
  /** The client fell behind; it reconnects and re-reads state through REST. */
  tooSlow: 4408,
  tooManyBadFrames: 4400,
} as const;
