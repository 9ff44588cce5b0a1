/**
 * The layers point one way (api → engine → store port ← adapters; machines pure; the service on
 * top wiring them), read from the import statements of `src/` and `src/kinds/`.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') || file.endsWith('.tsx'))
    .map((file) => join(folder, file));
}

/** The source file an import names: `./x.js` is `x.ts` or, for a page or component, `x.tsx`. */
function sourceOf(file: string, specifier: string): string {
  const path = relative(ROOT, resolve(ROOT, dirname(file), specifier.replace(/\.js$/, '.ts')));
  return existsSync(join(ROOT, path)) || !existsSync(join(ROOT, `${path}x`)) ? path : `${path}x`;
}

/** Each module (`.ts` and `.tsx`) and the project modules it imports (types included), as paths from the root. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources('src')) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((match) => sourceOf(file, match[1]!));
    graph.set(file, targets);
  }
  return graph;
}

/** Every import cycle, each as the chain of modules that closes it. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string): void => {
    state.set(module, 'open');
    path.push(module);
    for (const target of graph.get(module) ?? []) {
      if (state.get(target) === 'open') found.push([...path.slice(path.indexOf(target)), target].join(' → '));
      else if (!state.has(target) && graph.has(target)) visit(target);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of graph.keys()) if (!state.has(module)) visit(module);
  return found;
}

describe('layers', () => {
  const graph = importGraph();
  const importersOf = (target: string) => [...graph].filter(([, targets]) => targets.includes(target)).map(([module]) => module);

  it('reads the pages and components too: every .tsx file of src/ is in the graph, with its imports', () => {
    const pages = [...graph.keys()].filter((module) => module.endsWith('.tsx'));
    expect(pages).to.include(join('src', 'http', 'web', 'layout.tsx'));
    expect(pages.length).to.equal(sources('src').filter((file) => file.endsWith('.tsx')).length);
    expect([...graph.values()].flat().filter((target) => target.endsWith('.tsx')).length, 'imports that lead to a .tsx file').to.be.greaterThan(0);
    const unresolved = [...graph].flatMap(([module, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${module} → ${t}`));
    expect(unresolved).to.deep.equal([]);
  });

  it('has no import cycle in src/ or src/kinds/', () => {
    expect(cycles(graph)).to.deep.equal([]);
  });

  it('imports the service only from the entry point: nothing below it reaches up', () => {
    expect(importersOf(join('src', 'service.ts'))).to.deep.equal([join('src', 'main.ts')]);
  });

  it('runs the outbox dispatcher, the webhook dispatcher and the scheduler on the one leased-queue worker of src/queue/', () => {
    const queue = join('src', 'queue', 'index.ts');
    const workers = ['effects/mail/dispatcher.ts', 'effects/webhooks/dispatcher.ts', 'effects/deadlines/scheduler.ts'];
    expect(importersOf(queue)).to.include.members(workers.map((worker) => join('src', ...worker.split('/'))));
    for (const worker of workers) {
      const source = readFileSync(join(ROOT, 'src', worker), 'utf8');
      expect(source, worker).to.match(/new LeasedQueueWorker\(/);
      expect(source, worker).not.to.match(/setTimeout|setInterval|PollingLoop|backoffDelay/);
    }
  });

  it('keeps the engine below its effects: nothing under src/engine/ imports src/effects/ (effects register as commit contributors)', () => {
    const reaching = [...graph]
      .filter(([module]) => module.startsWith(join('src', 'engine') + '/'))
      .flatMap(([module, targets]) => targets.filter((t) => t.startsWith(join('src', 'effects') + '/')).map((t) => `${module} → ${t}`));
    expect(reaching).to.deep.equal([]);
  });

  it('lets the configuration own its types: src/config.ts and src/config/ import no store adapter', () => {
    const config = [...graph].filter(([module]) => module === join('src', 'config.ts') || module.startsWith(join('src', 'config') + '/'));
    expect(config.length).to.be.greaterThan(1);
    expect(config.flatMap(([, targets]) => targets).filter((target) => target.startsWith(join('src', 'store')))).to.deep.equal([]);
  });

  it('keeps the machines pure: they import nothing from src/', () => {
    const pure = /^src\/kinds\/(types\.ts|[\w-]+\/(machine|screening|eligibility|standing|migrations|issue)\.ts)$/;
    const machines = [...graph].filter(([module]) => pure.test(module));
    expect(machines.length).to.be.greaterThan(6);
    const reaching = machines.filter(([, targets]) => targets.some((t) => !t.startsWith(join('src', 'kinds')) && !t.startsWith(join('src', 'schemas'))));
    expect(reaching.map(([module]) => module)).to.deep.equal([]);
  });
});
