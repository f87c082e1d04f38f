// The Kubernetes manifests cannot be applied here: check that they parse and hang together.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SERVICE_NAMES } from '#contracts';

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../deploy/k8s');
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((d) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
      return { file, doc: d.toJS() as Record<string, any> };
    }),
  )
  .filter(({ doc }) => doc);
const find = (kind: string, name: string) => docs.find(({ doc }) => doc.kind === kind && doc.metadata?.name === name)?.doc;

describe('deploy/k8s', () => {
  it('is valid YAML with apiVersion, kind and name in every document', () => {
    expect(docs.length).toBeGreaterThan(10);
    for (const { doc } of docs) {
      expect(doc.apiVersion).toBeTruthy();
      expect(doc.kind).toBeTruthy();
      if (doc.kind !== 'Kustomization') expect(doc.metadata?.name).toBeTruthy();
    }
  });

  it('has a Deployment and a Service per app, ready only when /health answers', () => {
    for (const name of SERVICE_NAMES) {
      const dep = find('Deployment', name);
      expect(dep).toBeDefined();
      expect(find('Service', name)).toBeDefined();
      const c = dep!.spec.template.spec.containers[0];
      expect(c.command).toContain(`dist/apps/${name}/src/main.js`);
      expect(c.readinessProbe.httpGet.path).toBe('/health');
      const env = Object.fromEntries(c.env.map((e: any) => [e.name, e]));
      expect(env.NATS_USER.value).toBe(name);
      expect(env.DATABASE_URL.value).toContain(`sigap_${name}:$(DB_PASSWORD)`);
    }
  });

  it('provisions in a Job and runs NATS as a three-node StatefulSet', () => {
    expect(find('Job', 'sigap-provision')!.spec.template.spec.containers[0].command).toEqual(['node', 'dist/deploy/provision.js']);
    const nats = find('StatefulSet', 'nats')!;
    expect(nats.spec.replicas).toBe(3);
    expect(find('ConfigMap', 'nats-config')!.data['nats.conf']).toMatch(/sync_interval: always/);
  });

  it('gives nats-server every variable its configuration reads, the route password among them', () => {
    const conf: string = find('ConfigMap', 'nats-config')!.data['nats.conf'];
    const env = new Set(find('StatefulSet', 'nats')!.spec.template.spec.containers[0].env.map((e: any) => e.name));
    // unquoted references only (`password: $X`, `routes: [ $A, $B ]`); quoted subjects like "$JS.API.INFO" are no variables
    const used = [...new Set([...conf.matchAll(/[:[,]\s*\$([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))];
    expect(used).toEqual(expect.arrayContaining(['SIGAP_NATS_ROUTE_PASSWORD', 'SIGAP_NATS_ROUTE_0', 'SIGAP_EXT_NATS_PASSWORD']));
    for (const v of used) expect(env).toContain(v);
  });

  it('refers only to keys the example Secret has', () => {
    const keys = new Set(Object.keys(find('Secret', 'sigap-secrets')!.stringData));
    const refs = JSON.stringify(docs.map(({ doc }) => doc)).match(/"secretKeyRef":\{[^}]*\}/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const { name, key } = JSON.parse(ref.slice('"secretKeyRef":'.length));
      expect(name).toBe('sigap-secrets');
      expect(keys).toContain(key);
    }
  });
});
