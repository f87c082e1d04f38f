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

  it("sets the gateway's TRUST_PROXY to its hop count behind the Ingress (1), and no other app's", () => {
    for (const name of SERVICE_NAMES) {
      const env = Object.fromEntries(find('Deployment', name)!.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));
      if (name === 'gateway') expect(env.TRUST_PROXY).toBe('1');
      else expect(env.TRUST_PROXY).toBeUndefined();
    }
  });

  it('ships NetworkPolicies: all of Sigap denied by default, only the gateway open from outside, apps reaching NATS, Postgres and DNS only', () => {
    const policies = docs.filter(({ doc }) => doc.kind === 'NetworkPolicy').map(({ doc }) => doc);
    const kustomization = docs.find(({ doc }) => doc.kind === 'Kustomization')!.doc;
    expect(kustomization.resources).toContain('network-policy.yaml');
    const deny = policies.find((p) => p.metadata.name === 'sigap-default-deny')!;
    expect(deny.spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'sigap' } },
      policyTypes: ['Ingress', 'Egress'],
    });
    // every pod of Sigap falls under the default deny
    for (const { doc } of docs.filter(({ doc }) => ['Deployment', 'StatefulSet', 'Job'].includes(doc.kind))) {
      expect(doc.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('sigap');
    }
    // ingress from anywhere: the gateway's 8080 and NATS's client port, nothing else
    const openIngress = policies.flatMap((p) =>
      (p.spec.ingress ?? [])
        .filter((r: any) => !r.from)
        .map((r: any) => ({ pods: p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'], ports: r.ports.map((x: any) => x.port) })),
    );
    expect(openIngress).toEqual(
      expect.arrayContaining([
        { pods: 'gateway', ports: [8080] },
        { pods: 'nats', ports: [4222] },
      ]),
    );
    expect(openIngress).toHaveLength(2);
    for (const name of SERVICE_NAMES.filter((n) => n !== 'gateway')) {
      expect(policies.some((p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === name && p.spec.ingress)).toBe(false);
    }
    // the apps' way out: NATS 4222, Postgres 5432, DNS 53
    const egress = policies.find((p) => p.metadata.name === 'sigap-apps-egress')!;
    expect(egress.spec.podSelector.matchExpressions[0].values).toEqual(expect.arrayContaining([...SERVICE_NAMES, 'provision']));
    expect(egress.spec.egress.flatMap((r: any) => r.ports.map((x: any) => x.port)).sort()).toEqual([4222, 53, 53, 5432].sort());
    // NATS's cluster port only from the other nodes (whose routes also authenticate)
    const nats = policies.find((p) => p.metadata.name === 'sigap-nats')!;
    const route = nats.spec.ingress.find((r: any) => r.ports.some((x: any) => x.port === 6222));
    expect(route.from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'nats' } } }]);
    expect(find('ConfigMap', 'nats-config')!.data['nats.conf']).toMatch(
      /cluster\s*\{[\s\S]*authorization\s*\{[\s\S]*password:\s*\$SIGAP_NATS_ROUTE_PASSWORD/,
    );
  });
});
