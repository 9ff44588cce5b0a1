// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Machines are pure (docs/architecture.md, "One direction"): no I/O, nothing of ours outside src/kinds/ and src/schemas/. */
const machinePurity = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['node:*'], message: 'Machines are pure: no Node.js built-ins.' },
        {
          group: ['fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process', 'crypto', 'os', 'stream', 'timers', 'worker_threads'],
          message: 'Machines are pure: no I/O modules.',
        },
        {
          group: ['express', 'mongoose', 'mongodb', 'better-sqlite3', 'nodemailer', 'pino', 'ajv', 'ajv/*', 'uuid'],
          message: 'Machines are pure: the engine performs effects, machines only name them.',
        },
        {
          group: ['**/engine/**', '**/store/**', '**/http/**', '**/effects/**', '**/queue/**', '**/config*', '**/errors.js', '**/durations.js'],
          message: 'Machines import nothing of the engine, the store, HTTP or the effects.',
        },
      ],
    },
  ],
};

/*
 * Layer zones (docs/architecture.md, "Layer zones"). Each folder of src/ is a zone, and each zone
 * lists the zones it may not import, with what to do instead. Arrows point one way:
 *   wiring (src/main.ts → src/service.ts, src/cli/) on top, wiring the rest;
 *   http → engine → store port ← store adapters; effects → engine and the store port;
 *   kinds (machines, tables, schemas, rules, facts) import nothing of the engine, the store's
 *   adapters, HTTP or the effects; shared leaves (errors, clock, ids, i18n, search…) import only
 *   leaves and kinds.
 * Express is imported only under src/http/ (and, as types only, by src/metrics/, which hands the
 * API a request handler); better-sqlite3 only under src/store/sqlite/, mongoose and mongodb only
 * under src/store/mongo/. The rule is @typescript-eslint/no-restricted-imports (the core rule
 * plus `allowTypeImports`), so it stays apart from the machines' purity rule above, which is the
 * core no-restricted-imports. test/lint-zones.test.ts proves a crossing fails.
 */

/** Where an import leads, as patterns of its specifier (relative paths included). */
const ZONE_PATHS = {
  engine: ['**/engine', '**/engine/**'],
  effects: ['**/effects', '**/effects/**'],
  queue: ['**/queue', '**/queue/**'],
  http: ['**/http', '**/http/**', 'express', 'express/*'],
  'store adapters': ['**/store/sqlite/**', '**/store/mongo/**', './sqlite/**', './mongo/**', 'better-sqlite3', 'mongoose', 'mongoose/*', 'mongodb', 'mongodb/*'],
  'store port': ['**/store/*.js'],
  'store (any)': ['**/store/**'],
  'sqlite adapter': ['**/store/sqlite/**', '**/sqlite/**', 'better-sqlite3'],
  'mongo adapter': ['**/store/mongo/**', '**/mongo/**', 'mongoose', 'mongoose/*', 'mongodb', 'mongodb/*'],
  config: ['**/config.js', '**/config', '**/config/**'],
  services: ['**/access/**', '**/directory/**', '**/documents/**', '**/public/**', '**/seed/**', '**/metrics/**'],
  wiring: ['**/service.js', '**/main.js', '**/cli/**'],
};

/** What to do instead of each crossing, said once per target zone. */
const INSTEAD = {
  engine: 'take what the engine decides as an argument, or move the shared piece down into the importing zone or a shared leaf',
  effects: 'register the effect where the service is wired (src/service.ts) and let it contribute to the commit; the engine and those below it never call effects',
  queue: 'only effects run on the polling loop; hand the worker what it needs when src/service.ts wires it',
  http: 'only src/http/ speaks HTTP and imports express: return data or throw a coded error (src/errors.ts) and let a route turn it into an answer',
  'store adapters': 'depend on the store port (src/store/port.ts) and let src/store/open-store.ts pick the adapter; better-sqlite3 lives in src/store/sqlite/, mongoose and mongodb in src/store/mongo/',
  'store port': 'import only types of the store port (`import type`): the caller passes the part of the store it needs',
  'store (any)': 'schemas describe data and read nothing: move the code that reads the store into the engine',
  'sqlite adapter': 'an adapter stands alone: share the code through the port (src/store/) instead of the other adapter',
  'mongo adapter': 'an adapter stands alone: share the code through the port (src/store/) instead of the other adapter',
  config: 'take the setting as an argument where src/service.ts wires you (its type may be imported where the zone allows `import type`); only the wiring reads the configuration',
  services: 'this zone sits below access, the directory, documents, the public register, the seed and the metrics: take what you need from them as an argument',
  wiring: 'nothing imports src/service.ts but src/main.ts, and nothing imports src/main.ts or src/cli/: move what you need out of the wiring into the zone that owns it',
};

/** Each zone: its files and the zones it may not import (a zone in `typesOnly` may be imported with `import type` only). */
const ZONES = [
  // Any file of src/ no zone below names (a new folder, say): at least the wiring stays on top.
  { zone: 'src', files: ['src/**'], ignores: ['src/main.ts'], forbid: ['wiring'] },
  { zone: 'kinds', files: ['src/kinds/**'], forbid: ['engine', 'effects', 'queue', 'http', 'store adapters', 'store port', 'config', 'services', 'wiring'], typesOnly: ['store port'] },
  { zone: 'schemas', files: ['src/schemas/**'], forbid: ['engine', 'effects', 'queue', 'http', 'store (any)', 'config', 'services', 'wiring'] },
  { zone: 'engine', files: ['src/engine/**'], forbid: ['effects', 'queue', 'http', 'store adapters', 'config', 'wiring'], typesOnly: ['config'] },
  { zone: 'effects', files: ['src/effects/**'], forbid: ['http', 'store adapters', 'wiring'] },
  { zone: 'queue', files: ['src/queue/**'], forbid: ['engine', 'effects', 'http', 'store adapters', 'config', 'services', 'wiring'], typesOnly: ['config'] },
  { zone: 'store port', files: ['src/store/*.ts'], ignores: ['src/store/open-store.ts'], forbid: ['engine', 'effects', 'queue', 'http', 'store adapters', 'config', 'services', 'wiring'], typesOnly: ['config'] },
  // The one file of src/store/ that knows the adapters: it opens the one the configuration names.
  { zone: 'store opening', files: ['src/store/open-store.ts'], forbid: ['engine', 'effects', 'queue', 'http', 'services', 'wiring'] },
  { zone: 'sqlite adapter', files: ['src/store/sqlite/**'], forbid: ['engine', 'effects', 'queue', 'http', 'mongo adapter', 'config', 'services', 'wiring'], typesOnly: ['config'] },
  { zone: 'mongo adapter', files: ['src/store/mongo/**'], forbid: ['engine', 'effects', 'queue', 'http', 'sqlite adapter', 'config', 'services', 'wiring'], typesOnly: ['config'] },
  { zone: 'http', files: ['src/http/**'], forbid: ['queue', 'store adapters', 'wiring'] },
  { zone: 'config', files: ['src/config.ts', 'src/config/**'], forbid: ['engine', 'effects', 'queue', 'http', 'store (any)', 'services', 'wiring'] },
  {
    zone: 'shared leaves',
    files: ['src/errors.ts', 'src/clock.ts', 'src/ids.ts', 'src/durations.ts', 'src/backoff.ts', 'src/own.ts', 'src/logger.ts', 'src/validation.ts', 'src/principals.ts', 'src/i18n/**', 'src/search/**', 'src/machine-docs/**'],
    forbid: ['engine', 'effects', 'queue', 'http', 'store adapters', 'config', 'services', 'wiring'],
    typesOnly: ['config'],
  },
  { zone: 'services', files: ['src/access/**', 'src/directory/**', 'src/documents/**', 'src/public/**'], forbid: ['effects', 'queue', 'http', 'store adapters', 'wiring'] },
  // The seed plays the demo through a complete engine, so it registers the effects the service does.
  { zone: 'seed', files: ['src/seed/**'], forbid: ['queue', 'http', 'store adapters', 'wiring'] },
  // Metrics hand the API a request handler, so they may name express's types (and nothing else of HTTP).
  { zone: 'metrics', files: ['src/metrics/**'], forbid: ['engine', 'effects', 'queue', 'http', 'store adapters', 'config', 'wiring'], typesOnly: ['http', 'config'] },
  { zone: 'the service', files: ['src/service.ts'], forbid: [], extra: [{ group: ['**/main.js', '**/cli/**'], message: 'the service wires the zones; src/main.ts starts it and src/cli/ are commands of their own: import neither' }] },
  { zone: 'commands', files: ['src/cli/**'], forbid: [], extra: [{ group: ['**/service.js', '**/main.js'], message: 'a command opens what it needs (the store, the engine) itself: nothing imports src/service.ts but src/main.ts' }] },
];

/**
 * Crossings today's code still makes, allowed file by file until the branch named removes them.
 * Each is a debt, not a rule: delete the entry once its import is gone (the zone then forbids it
 * again for that file). An entry whose import is gone already is harmless but dead.
 */
const ALLOWED_FOR_NOW = [
];

/** The zone rule for one zone, less the zones a file is allowed for now. */
function zoneRule({ zone, forbid, typesOnly = [], extra = [] }, allowed = []) {
  const patterns = forbid
    .filter((target) => !allowed.includes(target))
    .map((target) => ({
      group: ZONE_PATHS[target],
      message: `zone ${zone} may not import zone ${target}${typesOnly.includes(target) ? ' (except with `import type`)' : ''}: ${INSTEAD[target]}.`,
      ...(typesOnly.includes(target) ? { allowTypeImports: true } : {}),
    }));
  const always = extra.map((pattern) => ({ ...pattern, message: `zone ${zone}: ${pattern.message}.` }));
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, ...always] }] };
}

/** One config object per zone (its files less those allowed a crossing for now), then one per allowed file. */
const layerZones = ZONES.flatMap((definition) => {
  const exceptions = ALLOWED_FOR_NOW.filter(({ zone }) => zone === definition.zone);
  return [
    { name: `layer zone: ${definition.zone}`, files: definition.files, ignores: [...(definition.ignores ?? []), ...exceptions.map(({ file }) => file)], rules: zoneRule(definition) },
    ...exceptions.map(({ file, mayImport }) => ({ name: `layer zone: ${definition.zone}, ${file} allowed ${mayImport} for now`, files: [file], rules: zoneRule(definition, [mayImport]) })),
  ];
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'scratch/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['src/kinds/types.ts', 'src/kinds/*/machine.ts', 'src/kinds/*/screening.ts', 'src/kinds/*/eligibility.ts', 'src/kinds/*/standing.ts', 'src/kinds/*/migrations.ts', 'src/kinds/*/issue.ts'],
    rules: machinePurity,
  },
  ...layerZones,
  {
    // Routers never catch (docs/contributing.md): a refused form is shown again by src/http/web/form-refusals.ts.
    files: ['src/http/web/routes/**/*.tsx', 'src/http/web/routes/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'TryStatement', message: 'Routers never catch: say how the form is shown again with onRefusal() and let the error middleware show it.' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's `expect(x).to.be.true` is an expression statement by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  { files: ['bench/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-console': 'off' } },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
