import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { repoRoot } from '../helpers/repo.js';

interface Service {
  ports: string[];
  volumes: string[];
  stop_grace_period: string;
  extra_hosts: string[];
  build: string;
  environment: Record<string, string>;
}

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const service = compose.services.spotdesk!;

function seconds(value: string): number {
  const m = /^(\d+)(s|m)?$/.exec(value);
  if (!m) throw new Error(`unreadable duration ${value}`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
}

describe('docker-compose.yml', () => {
  it('when started, then /data is a named volume, not a bind mount', () => {
    const data = service.volumes.find((v) => v.endsWith(':/data'))!;
    const name = data.split(':')[0]!;
    expect(name).not.toMatch(/^[./~]/);
    expect(compose.volumes).toHaveProperty(name);
  });

  it('when published, then the panel listens on loopback 8080 only', () => {
    expect(service.ports).toEqual(['127.0.0.1:8080:8080']);
  });

  it('when .env (copied from .env.example) sets a host or port, then the container still listens where compose publishes', () => {
    // `environment:` wins over `env_file:`, so a native 127.0.0.1 in .env cannot hide the panel.
    expect(service.environment).toMatchObject({ SPOTDESK_HOST: '0.0.0.0', SPOTDESK_PORT: '8080' });
    const published = service.ports[0]!.split(':').at(-1);
    expect(published).toBe(service.environment.SPOTDESK_PORT);
    const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
    expect(example).not.toMatch(/^SPOTDESK_(HOST|PORT)=/m);
  });

  it('when stopped, then the grace period outlasts every stopwaitsecs', () => {
    const conf = readFileSync(join(repoRoot, 'supervisord.conf'), 'utf8');
    const waits = [...conf.matchAll(/^stopwaitsecs=(\d+)/gm)].map((m) => Number(m[1]));
    // Bots get 30 s (written by the orchestrator into bots/<id>/supervisord.conf).
    const longest = Math.max(30, ...waits);
    expect(seconds(service.stop_grace_period)).toBeGreaterThan(longest);
  });

  it('when a model server runs on the Mac, then host.docker.internal reaches it', () => {
    expect(service.extra_hosts).toContain('host.docker.internal:host-gateway');
    expect(readFileSync(join(repoRoot, '.env.example'), 'utf8')).toContain(
      'http://host.docker.internal:11434/v1',
    );
  });
});
