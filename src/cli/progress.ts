/** A progress bar on stderr for the command-line tools: done of total, the rate and the time left. */
const WIDTH = 30;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min` : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

export class ProgressLine {
  readonly #started = performance.now();
  #done = 0;
  #shownAt = 0;

  constructor(
    readonly what: string,
    readonly total: number,
    readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(by = 1): void {
    this.#done += by;
    const now = performance.now();
    if (now - this.#shownAt > 250 || this.#done >= this.total) this.#show(now);
  }

  end(): void {
    if (this.#done < this.total || this.total === 0) this.#show(performance.now());
    if (this.stream.isTTY) this.stream.write('\n');
  }

  #show(now: number): void {
    this.#shownAt = now;
    const seconds = (now - this.#started) / 1000;
    const rate = this.#done / Math.max(seconds, 1e-3);
    const share = this.total === 0 ? 1 : Math.min(1, this.#done / this.total);
    const bar = '#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.');
    const eta = this.#done >= this.total ? `done in ${duration(seconds)}` : `ETA ${duration((this.total - this.#done) / rate)}`;
    const line = `[${bar}] ${this.#done.toLocaleString('en')}/${this.total.toLocaleString('en')} ${this.what}, ${Math.round(rate).toLocaleString('en')}/s, ${eta}`;
    this.stream.write(this.stream.isTTY ? `\r${line}` : `${line}\n`);
  }
}
