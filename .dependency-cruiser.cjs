/**
 * The import directions of docs/architecture.md, checked by dependency-cruiser in `npm test` (`npm run deps`):
 * core ← workers ← app / widget / cli; the app's shared components never reach into its features; nothing the
 * product ships imports the devnet (it is reached over HTTP like any Esplora); no import cycles.
 */

/** Where each layer lives. The Worker side of the app (its entry and helpers) is part of the workers layer. */
const CORE = '^src/core/';
const WORKERS = '^(workers/|src/app/workers?/)';
const FACES = '^src/(app/(?!workers?/)|widget/|cli/)';
const DEVNET = '^src/devnet/';
const TESTS = '\\.test(-util)?\\.tsx?$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes the order of evaluation (and every refactor) fragile; type-only imports vanish at run time.',
      from: { path: '^(src|workers)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'src/core is the isomorphic verifier: it imports nothing from the layers above it, the devnet or the scripts.',
      from: { path: CORE, pathNot: TESTS },
      to: { path: '^(src/(?!core/)|workers/|scripts/|e2e/|bench/)' },
    },
    {
      name: 'core-imports-no-ui-or-node',
      severity: 'error',
      comment: 'src/core runs in a browser, a Worker and Node: no UI packages, no Node built-ins (src/architecture.test.ts checks the globals).',
      from: { path: CORE, pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'browser-code-no-node',
      severity: 'error',
      comment: 'The app and the widget run in a browser: no Node built-ins.',
      from: { path: '^src/(app|widget)/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-ui-packages',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^node_modules/(react|react-dom|zustand|comlink)/' },
    },
    {
      name: 'workers-below-the-faces',
      severity: 'error',
      comment: 'Workers serve the app, the widget and the CLI, and import none of them.',
      from: { path: WORKERS },
      to: { path: FACES },
    },
    {
      name: 'faces-apart',
      severity: 'error',
      comment: 'The app, the widget and the CLI each stand on core and workers alone.',
      from: { path: '^src/(app|widget|cli)/', pathNot: '^src/app/workers?/' },
      to: { path: '^src/(app|widget|cli)/', pathNot: ['^src/$1/', '^src/app/workers?/'] },
    },
    {
      name: 'components-not-features',
      severity: 'error',
      comment: 'Shared components take props; they do not reach into a feature (its store, its hooks).',
      from: { path: '^src/app/components/' },
      to: { path: '^src/app/features/' },
    },
    {
      name: 'nothing-imports-the-devnet',
      severity: 'error',
      comment: 'The product and the end-to-end specs reach the devnet over HTTP only; tests and scripts may drive it.',
      from: { path: '^(src/(core|app|widget|cli)/|workers/|e2e/)', pathNot: TESTS },
      to: { path: DEVNET },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'Every package imported is declared in package.json.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.cache|programs/.*/(build|assembly))/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
