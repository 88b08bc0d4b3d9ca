/**
 * `docker compose config` cannot run here, so the compose file is parsed with PyYAML and its
 * promises are checked: Postgres with a healthcheck, Retort waiting for it, the token required,
 * the project on a volume, the port on the host's loopback only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inCI, PYTHON } from '@retort/testing';
import { expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function hasPyYaml(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import yaml'], { stdio: 'ignore' });
    return true;
  } catch {
    if (inCI)
      throw new Error(`CI=true but ${PYTHON} cannot import yaml (apt-get install python3-yaml).`);
    return false;
  }
}

test.runIf(hasPyYaml())(
  'docker-compose.yml parses and wires Postgres, the token and the project volume',
  () => {
    const json = execFileSync(PYTHON, [
      '-c',
      'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))',
      join(ROOT, 'docker-compose.yml'),
    ]).toString();
    const compose = JSON.parse(json);
    const postgres = compose.services.postgres;
    const retort = compose.services.retort;
    expect(postgres.image).toBe('postgres:15');
    expect(postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    expect(postgres.ports).toBeUndefined();
    expect(retort.build).toBe('.');
    expect(retort.depends_on.postgres.condition).toBe('service_healthy');
    expect(retort.environment.DATABASE_URL).toMatch(
      /^postgres:\/\/retort:.*@postgres:5432\/retort$/,
    );
    expect(retort.environment.RETORT_TOKEN).toBe(
      ['$', '{RETORT_TOKEN:?set RETORT_TOKEN}'].join(''),
    );
    expect(retort.volumes).toContain('project:/project');
    expect(retort.ports).toEqual(['127.0.0.1:4000:4000']);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['project', 'pgdata']));
  },
);

test('the Dockerfile installs with npm ci, builds, and serves /project beyond loopback', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
  expect(dockerfile).toMatch(/^RUN npm ci\b/m);
  expect(dockerfile).toMatch(/^RUN npm run build$/m);
  expect(dockerfile).toContain(
    'CMD ["node", "packages/cli/bin/retort.js", "serve", "--host", "0.0.0.0", "--port", "4000", "--project", "/project"]',
  );
  // Every workspace's package.json is copied before `npm ci`, or the lockfile would not match.
  const workspaces = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    .workspaces as string[];
  expect(workspaces).toEqual(['packages/*', 'apps/*']);
  const dirs = ['packages', 'apps'].flatMap((parent) =>
    readdirSync(join(ROOT, parent))
      .filter((name) => existsSync(join(ROOT, parent, name, 'package.json')))
      .map((name) => `${parent}/${name}`),
  );
  expect(dirs.length).toBeGreaterThanOrEqual(7);
  for (const dir of dirs) expect(dockerfile).toContain(`COPY ${dir}/package.json ${dir}/`);
});
