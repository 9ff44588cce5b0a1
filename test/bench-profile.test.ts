/**
 * The bench's profile summaries (`npm run bench -- --profile DIR`) say where CPU time went in
 * places a reader can act on. A profile built by hand, with known self times, checks the sums,
 * the window and how native frames are placed.
 */
import { expect } from 'chai';
import type { Profiler } from 'node:inspector';
import { summarise } from '../bench/lib/profile.js';

function frame(functionName: string, url: string): Profiler.ProfileNode['callFrame'] {
  return { functionName, url, scriptId: '0', lineNumber: 9, columnNumber: 0 };
}

function repeat(value: number, times: number): number[] {
  return Array.from({ length: times }, () => value);
}

/** root → find (our SQLite store) → run (native); root → router next (Express); root → (garbage collector). */
const profile: Profiler.Profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 5] },
    { id: 2, callFrame: frame('find', 'file:///srv/mra/src/store/sqlite/instances.ts'), children: [3] },
    { id: 3, callFrame: frame('run', '') },
    { id: 4, callFrame: frame('next', 'file:///srv/mra/node_modules/router/index.js') },
    { id: 5, callFrame: frame('(garbage collector)', '') },
  ],
  startTime: 1_000,
  endTime: 1_000 + 100 * 10,
  // 100 samples of 10 µs each: 50 in SQLite's native run, 10 in find, 30 in the router, 10 in GC.
  samples: [...repeat(3, 50), ...repeat(2, 10), ...repeat(4, 30), ...repeat(5, 10)],
  timeDeltas: repeat(10, 100),
};

describe('bench profile summaries', () => {
  it('adds up self time by place, a native function taking the place of the code that called it', () => {
    const summary = summarise(profile, 'look-up');
    const share = Object.fromEntries(summary.places.map((p) => [p.name, Math.round(p.share * 100)]));
    expect(share).to.deep.equal({
      'SQLite itself (native: statements, commit, fsync)': 50,
      'Express and its middleware': 30,
      'SQLite store': 10,
      'garbage collection': 10,
    });
    expect(summary.sampledMs).to.be.closeTo(1, 0.001);
    expect(summary.functions[0]!.name).to.equal('run (native, in SQLite itself (native: statements, commit, fsync))');
    expect(summary.functions.map((f) => f.name)).to.include('find src/store/sqlite/instances.ts:10');
  });

  it('counts only the samples inside the window a workload ran in', () => {
    // The first 60 samples end at 1,600 µs: SQLite only.
    const summary = summarise(profile, 'first part', { label: 'first part', from: 1_000, to: 1_600 });
    expect(summary.places.map((p) => p.name)).to.deep.equal(['SQLite itself (native: statements, commit, fsync)', 'SQLite store']);
    expect(summary.sampledMs).to.be.closeTo(0.6, 0.001);
  });
});
