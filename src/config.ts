/**
 * The configuration lives in `src/config/` (a table of settings, the loader and the docs' table
 * derived from it); this file keeps the imports of `config.js` working.
 */
export * from './config/index.js';
