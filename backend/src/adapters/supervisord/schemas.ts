import { z } from 'zod';

// Shapes of supervisord 4.x XML-RPC answers (http://supervisord.org/api.html).

export const stateSchema = z.object({ statecode: z.number(), statename: z.string() });

export const processInfoSchema = z.object({
  name: z.string(),
  group: z.string(),
  description: z.string(),
  start: z.number(),
  stop: z.number(),
  now: z.number(),
  state: z.number(),
  statename: z.string(),
  spawnerr: z.string(),
  exitstatus: z.number(),
  logfile: z.string(),
  stdout_logfile: z.string(),
  stderr_logfile: z.string(),
  pid: z.number(),
});

// reloadConfig answers [[added, changed, removed]].
export const reloadConfigSchema = z.tuple([
  z.tuple([z.array(z.string()), z.array(z.string()), z.array(z.string())]),
]);

export type SupervisorProcessInfo = z.infer<typeof processInfoSchema>;
