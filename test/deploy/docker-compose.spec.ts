// docker-compose.yml cannot run here (no Docker engine): check its shape instead.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SERVICE_NAMES } from '#contracts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
// merge: compose resolves `<<: *app`, so the test must see what compose sees
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Record<string, any>>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has the six apps, NATS, Postgres and the provisioner', () => {
    expect(SERVICE_NAMES).toHaveLength(6);
    for (const name of [...SERVICE_NAMES, 'nats', 'postgres', 'provision']) expect(services[name]).toBeDefined();
  });

  it('starts every app after provisioning succeeded, from the root Dockerfile', () => {
    for (const name of SERVICE_NAMES) {
      const s = services[name];
      expect(s.depends_on?.provision?.condition).toBe('service_completed_successfully');
      expect(s.build).toBe('.');
      expect(s.command).toEqual(['node', '--max-semi-space-size=64', `dist/apps/${name}/src/main.js`]);
    }
    expect(services.provision.command).toEqual(['node', 'dist/deploy/provision.js']);
    expect(services.provision.depends_on?.nats?.condition).toBe('service_healthy');
    expect(services.provision.depends_on?.postgres?.condition).toBe('service_healthy');
  });

  it('checks every app’s /health', () => {
    for (const name of SERVICE_NAMES) {
      const test = services[name].healthcheck?.test as string[] | undefined;
      expect(test?.join(' ')).toContain(`:${services[name].environment.PORT}/health`);
    }
  });

  it('connects every app as its own database role and NATS user', () => {
    for (const name of SERVICE_NAMES) {
      const env = services[name].environment;
      expect(env.DATABASE_URL).toMatch(
        new RegExp(`^postgres://sigap_${name}:\\$\\{SIGAP_DB_PASSWORD_${name.toUpperCase()}\\}@postgres:5432/`),
      );
      expect(env.NATS_USER).toBe(name);
      expect(env.NATS_PASSWORD).toBe(`\${SIGAP_NATS_PASSWORD_${name.toUpperCase()}}`);
    }
  });

  it('runs NATS 2.10+ with a configuration that fsyncs before acknowledging', () => {
    const nats = services.nats;
    const [major, minor] = String(nats.image).split(':')[1].split(/[.-]/).map(Number);
    expect(major > 2 || (major === 2 && minor >= 10)).toBe(true);
    const mount = (nats.volumes as string[]).find((v) => v.endsWith(':/etc/nats/nats.conf:ro'))!;
    expect(nats.command).toEqual(['-c', '/etc/nats/nats.conf']);
    const conf = readFileSync(path.join(root, mount.split(':')[0]), 'utf8');
    expect(conf).toMatch(/jetstream\s*\{[^}]*sync_interval:\s*always/);
    // every password the configuration reads must be handed to the container
    const refs = [...conf.matchAll(/password: \$([A-Z0-9_]+)/g)].map((m) => m[1]);
    expect(refs.length).toBe(SERVICE_NAMES.length + 2);
    for (const ref of refs) expect(nats.environment).toHaveProperty(ref);
  });

  it('puts no password in the file itself', () => {
    const text = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/PASSWORD:[ \t]+(?!\$\{)\S/);
  });

  it("sets the gateway's TRUST_PROXY to its hop count: none in front of the published port", () => {
    expect(services.gateway.environment.TRUST_PROXY).toBe('${SIGAP_TRUST_PROXY:-0}');
    expect(services.gateway.ports).toEqual(['8080:8080']);
  });
});
