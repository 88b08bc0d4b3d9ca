/**
 * Retort's package layers, checked by `npm run lint`: core → codegen → migrate → server/cli →
 * web. A package imports only the ones before it (the CLI also imports the server's entry,
 * for `retort serve`), nothing imports in a circle, and `@retort/testing` is used only by
 * tests: `*.test.ts`, a package's `src/testing/` support folder, e2e/ and bench/.
 */
const TEST_SIDE = '(\\.test\\.tsx?$|/src/testing/|^e2e/|^bench/|^packages/testing/)';

/** A rule that `from` may not import any of `to`. */
const layer = (name, from, to, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules that import each other cannot be read, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    layer(
      'core-is-the-bottom',
      '^packages/core/src/',
      '^(packages/(codegen|migrate|cli)|apps)/',
      'core is the design model and the diff; everything builds on it, it builds on nothing.',
    ),
    layer(
      'codegen-uses-only-core',
      '^packages/codegen/src/',
      '^(packages/(migrate|cli)|apps)/',
      'codegen renders what core computes; files and databases are above it.',
    ),
    layer(
      'migrate-is-below-the-shells',
      '^packages/migrate/src/',
      '^(packages/cli|apps)/',
      'migrate is the library the server and the CLI are thin shells over.',
    ),
    layer(
      'server-is-not-a-client',
      '^apps/server/src/',
      '^(packages/cli|apps/web)/',
      'the server serves the editor and the CLI; it imports neither.',
    ),
    {
      name: 'cli-uses-only-the-server-entry',
      severity: 'error',
      comment:
        '`retort serve` starts the server through its entry (apps/server/src/index.ts), nothing deeper.',
      from: { path: '^packages/cli/src/' },
      to: { path: '^apps/(web/|server/src/(?!index\\.ts$))' },
    },
    layer(
      'libraries-do-not-import-tests',
      '^(packages|apps)/',
      '^(e2e|bench)/',
      'browser tests and benchmarks sit on top of everything.',
    ),
    {
      name: 'testing-only-from-tests',
      severity: 'error',
      comment: '@retort/testing does IO and builds on every package; shipped code never needs it.',
      from: { pathNot: TEST_SIDE },
      to: { path: '^packages/testing/' },
    },
    {
      name: 'shipped-code-does-not-import-tests',
      severity: 'error',
      comment: 'Test support stays out of what the CLI, the server and the browser load.',
      from: { path: '^(packages|apps)/', pathNot: TEST_SIDE },
      to: { path: '(\\.test\\.tsx?$|/src/testing/)' },
    },
    {
      name: 'core-and-codegen-are-pure',
      severity: 'error',
      comment: 'The browser imports core and codegen: no Node APIs outside their tests.',
      from: { path: '^packages/(core|codegen)/src/', pathNot: TEST_SIDE },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    // Unchanged files are not parsed again: a repeat run takes about a second.
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|/dist/|/golden/|/fixtures/|\\.tmp-typecheck-)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
