/**
 * Whole `retort` commands beside Alembic's in the same run, printed with ratios: start-up,
 * `revision` on a 5% change of a large design against `alembic revision --autogenerate` on
 * the exported project, successive one-column revisions (the last as fast as the first,
 * small files), and `upgrade head` of the large initial revision against Alembic's. Alembic
 * runs where `/usr/bin/python3` has it and the server (TEST_DATABASE_URL) is there.
 * `--quick` runs it on 200 tables and 10 successive revisions instead of 1000 and 100;
 * `--steps=N` sets the number of successive revisions alone.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { openProject } from '@retort/migrate';
import { createServerDatabase, hasPythonTools, PYTHON, serverUrl } from '@retort/testing';
import { largeDesign } from '@retort/testing/large-design';
import { type Measurement, type Ran, timed } from './timing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'packages/cli/bin/retort.js');
const quick = process.env.RETORT_BENCH_QUICK === '1';
const TABLES = quick ? 200 : 1000;
// `--steps=N` (RETORT_BENCH_STEPS) runs fewer successive revisions when only the rest is wanted.
const STEPS = Number(process.env.RETORT_BENCH_STEPS) || (quick ? 10 : 100);

/** A command that may fail: its exit status and stderr instead of an exception. */
function attempt(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    encoding: 'utf8',
  });
  return { ms: performance.now() - start, status: result.status, stderr: result.stderr };
}

const retort = (args: string[], cwd: string, env?: NodeJS.ProcessEnv) =>
  timed(process.execPath, [BIN, ...args], cwd, env);
const alembic = (args: string[], cwd: string, env?: NodeJS.ProcessEnv) =>
  timed(PYTHON, ['-m', 'alembic', ...args], cwd, env);

/** Median of `runs` alternating runs of two commands, so both see the same machine. */
function sideBySide(a: () => Ran, b: () => Ran, runs = 5): [number, number] {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a().ms);
    bs.push(b().ms);
  }
  return [median(as), median(bs)];
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

const ms = (name: string, value: number): Measurement => ({ name, value, unit: 'ms' });
const ratio = (name: string, value: number): Measurement => ({ name, value, unit: '×' });

function startup(withAlembic: boolean): Measurement[] {
  const dir = mkdtempSync(join(tmpdir(), 'retort-bench-cli-'));
  try {
    mkdirSync(join(dir, 'shop'), { recursive: true });
    cpSync(join(ROOT, 'examples/shop/design.json'), join(dir, 'shop/design.json'));
    cpSync(join(ROOT, 'examples/shop/revisions'), join(dir, 'shop/revisions'), {
      recursive: true,
    });
    const shop = join(dir, 'shop');
    retort(['export', 'alembic', join(dir, 'alembic')], shop);
    const sql =
      'CREATE TABLE a (id integer PRIMARY KEY, name text);\nCREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));\n';
    writeFileSync(join(dir, 'two.sql'), sql);
    let imports = 0;
    const importSql = () => {
      const target = join(dir, `import-${imports++}`);
      return retort(['import', '--sql', join(dir, 'two.sql'), '--project', target], dir);
    };
    const out: Measurement[] = [];
    const pairs: [string, () => Ran, string, () => Ran][] = [
      [
        'retort --help',
        () => retort(['--help'], dir),
        'alembic --help',
        () => alembic(['--help'], dir),
      ],
      [
        'retort models --format sqlalchemy',
        () => retort(['models', '--format', 'sqlalchemy'], shop),
        'alembic history',
        () => alembic(['history'], join(dir, 'alembic')),
      ],
      [
        'retort import --sql (2 tables)',
        importSql,
        'alembic upgrade head --sql',
        // Offline mode renders SQL without connecting; env.py still wants a URL.
        () =>
          alembic(['upgrade', 'head', '--sql'], join(dir, 'alembic'), {
            DATABASE_URL: 'postgresql://offline@localhost/shop',
          }),
      ],
    ];
    for (const [name, run, otherName, other] of pairs) {
      if (!withAlembic) {
        out.push(ms(name, sideBySide(run, run, 3)[0]));
        continue;
      }
      const [mine, theirs] = sideBySide(run, other, 3);
      out.push(
        ms(name, mine),
        ms(otherName, theirs),
        ratio(`${otherName} / ${name}`, theirs / mine),
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 400 VARCHAR(255) columns widened to VARCHAR(512), 50 new columns, of `design`. */
function fivePercentChange(design: Design): Design {
  const changed = structuredClone(design);
  let widened = 0;
  for (const table of changed.tables) {
    for (const column of table.columns) {
      if (widened < 400 && column.type === 'VARCHAR(255)') {
        column.type = 'VARCHAR(512)';
        widened++;
      }
    }
  }
  for (const table of changed.tables.slice(0, 50)) {
    table.columns.push({
      ...table.columns[1]!,
      id: `${table.id}_note`,
      name: 'note',
      type: 'TEXT',
      default: null,
      unique: false,
      primaryKey: false,
      autoincrement: false,
      nullable: true,
    });
  }
  return changed;
}

const writeDesign = (dir: string, design: Design) =>
  writeFileSync(join(dir, 'design.json'), `${JSON.stringify(design, null, 2)}\n`);

const operationsOf = (stdout: string) => Number(/\((\d+) operations\)/.exec(stdout)?.[1] ?? 0);
const fileOf = (stdout: string) => /: (revisions\/\S+\.json)/.exec(stdout)?.[1] ?? '';

async function atScale(withAlembic: boolean): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'retort-bench-scale-'));
  const databases: { url: string; drop: () => Promise<void> }[] = [];
  const database = async () => {
    const db = await createServerDatabase('retort_bench');
    databases.push(db);
    return db.url;
  };
  try {
    const project = join(dir, 'project');
    const base = largeDesign(TABLES);
    mkdirSync(project, { recursive: true });
    writeDesign(project, base);
    await (await openProject(project)).createRevision(`${TABLES} tables`);
    const changed = fivePercentChange(base);
    writeDesign(project, changed);

    // `upgrade head` of the initial revision, Retort and Alembic each on a fresh database,
    // alternated (the server's disk and caches vary more between runs than the two differ).
    const retortUrl = serverUrl() ? await database() : undefined;
    let env: NodeJS.ProcessEnv = retortUrl ? { DATABASE_URL: retortUrl } : {};
    const where = retortUrl ? '' : ' (PGlite)';
    const exported = join(dir, 'alembic');
    let alembicUrl = '';
    if (withAlembic) retort(['export', 'alembic', exported], project);
    const upgradeRuns = withAlembic ? 3 : 1;
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < upgradeRuns; i++) {
      if (i > 0) env = { DATABASE_URL: await database() };
      ours.push(retort(['upgrade', 'head'], project, env).ms);
      if (withAlembic) {
        alembicUrl = await database();
        theirs.push(alembic(['upgrade', 'head'], exported, { DATABASE_URL: alembicUrl }).ms);
      }
    }
    const up = { ms: median(ours) };
    out.push(ms(`retort upgrade head, ${TABLES} tables${where} (median of ${upgradeRuns})`, up.ms));
    if (withAlembic) {
      out.push(
        ms(`alembic upgrade head, ${TABLES} tables (median of ${upgradeRuns})`, median(theirs)),
        ratio('alembic upgrade / retort upgrade', median(theirs) / up.ms),
      );
    }
    // `downgrade base` of it: it succeeds, or refuses in one sentence with nothing changed.
    const down = attempt(process.execPath, [BIN, 'downgrade', 'base'], project, env);
    const after = retort(['current'], project, env).stdout.trim();
    const downgraded = down.status === 0 && after.startsWith('No revision applied');
    const untouched = down.status !== 0 && after.endsWith('(head)');
    if (!downgraded && !untouched) {
      throw new Error(`downgrade base left the database at ${after}: ${down.stderr}`);
    }
    out.push(ms(`retort downgrade base, ${TABLES} tables${where}`, down.ms), {
      name: 'retort downgrade base succeeded (1) or refused, nothing changed (0)',
      value: downgraded ? 1 : 0,
      unit: '',
    });
    if (downgraded) retort(['upgrade', 'head'], project, env);
    console.error(
      `cli: upgrade head ${up.ms.toFixed(0)} ms, downgrade base ${down.ms.toFixed(0)} ms`,
    );
    // The 5% change, as whole commands: `retort revision` and, where Alembic runs,
    // `alembic revision --autogenerate` on the exported project at head, alternated so both
    // see the same machine; each run's file is removed before the next, the last kept.
    const revisionRuns: Ran[] = [];
    const autogenerateRuns: Ran[] = [];
    let alembicFound = 0;
    let autogenerate: (() => Ran) | null = null;
    if (withAlembic) {
      const versions = join(exported, 'versions');
      autogenerate = () => {
        const ran = alembic(['revision', '--autogenerate', '-m', 'change'], exported, {
          DATABASE_URL: alembicUrl,
        });
        const file = readdirSync(versions).find((f) => f.endsWith('_change.py'));
        const text = file ? readFileSync(join(versions, file), 'utf8') : '';
        const upgradeBody = text.split('def downgrade')[0] ?? '';
        alembicFound = (upgradeBody.match(/op\.(add_column|alter_column)\(/g) ?? []).length;
        if (file) rmSync(join(versions, file));
        return ran;
      };
    }
    const runs = 3;
    let revision: Ran | null = null;
    for (let i = 0; i < runs; i++) {
      if (autogenerate) autogenerateRuns.push(autogenerate());
      if (revision) rmSync(join(project, fileOf(revision.stdout)));
      revision = retort(['revision', '-m', 'widen and add'], project);
      revisionRuns.push(revision);
    }
    const mid = (xs: Ran[]) => median(xs.map((r) => r.ms));
    out.push(ms(`retort revision, 5% of ${TABLES} tables (median of ${runs})`, mid(revisionRuns)), {
      name: 'retort revision: changes found (of 450)',
      value: operationsOf(revision!.stdout),
      unit: 'ops',
    });
    if (autogenerate) {
      out.push(
        ms(
          `alembic revision --autogenerate, same change (median of ${runs})`,
          mid(autogenerateRuns),
        ),
        { name: 'alembic autogenerate: changes found (of 450)', value: alembicFound, unit: 'ops' },
        ratio('alembic autogenerate / retort revision', mid(autogenerateRuns) / mid(revisionRuns)),
      );
    }
    console.error(
      `cli: revision ${mid(revisionRuns).toFixed(0)} ms${autogenerate ? `, autogenerate ${mid(autogenerateRuns).toFixed(0)} ms` : ''}`,
    );
    retort(['upgrade', 'head'], project, env);

    // Successive one-column revisions: each applied, history and current read after it.
    let design = changed;
    const steps: {
      revision: number;
      upgrade: number;
      history: number;
      current: number;
      size: number;
    }[] = [];
    for (let k = 1; k <= STEPS; k++) {
      design = structuredClone(design);
      const table = design.tables[k % design.tables.length]!;
      table.columns.push({
        ...table.columns[1]!,
        id: `${table.id}_s${k}`,
        name: `step_${k}`,
        type: 'INTEGER',
        default: null,
        unique: false,
        primaryKey: false,
        autoincrement: false,
        nullable: true,
      });
      writeDesign(project, design);
      const made = retort(['revision', '-m', `step ${k}`], project);
      const size = statSync(join(project, fileOf(made.stdout))).size;
      const upgraded = retort(['upgrade', 'head'], project, env);
      const history = retort(['history'], project);
      const current = retort(['current'], project, env);
      steps.push({
        revision: made.ms,
        upgrade: upgraded.ms,
        history: history.ms,
        current: current.ms,
        size,
      });
      const last = steps.at(-1)!;
      // Progress on stderr, so a long run shows where it is.
      console.error(
        `cli step ${k}/${STEPS}: revision ${last.revision.toFixed(0)} ms, upgrade ${last.upgrade.toFixed(0)} ms, history ${last.history.toFixed(0)} ms, current ${last.current.toFixed(0)} ms, ${size} bytes`,
      );
    }
    // One command's time on a loaded machine varies by more than the growth looked for, so
    // the first and the last steps are each the median of a few.
    const ends = Math.min(5, Math.floor(STEPS / 2));
    const firstSteps = steps.slice(0, ends);
    const lastSteps = steps.slice(-ends);
    const firstName = ends === 1 ? 'step 1' : `steps 1-${ends}`;
    const lastName = ends === 1 ? `step ${STEPS}` : `steps ${STEPS - ends + 1}-${STEPS}`;
    for (const key of ['revision', 'upgrade', 'history', 'current'] as const) {
      const first = median(firstSteps.map((s) => s[key]));
      const last = median(lastSteps.map((s) => s[key]));
      out.push(
        ms(`retort ${key}, one-column ${firstName} (median)`, first),
        ms(`retort ${key}, one-column ${lastName} (median)`, last),
        ratio(`retort ${key}: last / first`, last / first),
      );
    }
    out.push({
      name: `largest one-column revision file (of ${STEPS})`,
      value: Math.max(...steps.map((s) => s.size)) / 1024,
      unit: 'KB',
    });
    return out;
  } finally {
    for (const db of databases) await db.drop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCli(): Promise<Measurement[]> {
  const withAlembic = hasPythonTools() && serverUrl() !== null;
  // Ratios are measured side by side; the load says how far the absolute times can be trusted.
  const load = (when: string): Measurement => ({
    name: `machine load average (1 min), ${when}`,
    value: loadavg()[0]!,
    unit: `on ${availableParallelism()} cores`,
  });
  const before = load('at start');
  const results = [...startup(hasPythonTools()), ...(await atScale(withAlembic))];
  return [before, ...results, load('at end')];
}
