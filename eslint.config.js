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
