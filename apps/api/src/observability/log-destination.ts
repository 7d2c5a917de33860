import { pino } from 'pino';

/**
 * Lines are kept until this many characters wait (about 60 request lines), then handed on in one write. A write(2)
 * of a batch cost ~15 µs in the server's profile (`LOAD_CPU_PROF=… pnpm bench:load`): 4 KB batches (~15 lines)
 * still took ~1 µs of each /health request's ~100, 16 KB take ~0.2. A line waits at most LOG_FLUSH_MS either way.
 */
export const LOG_BATCH_BYTES = 16384;
/** …and at least this often (ms) when fewer come: an idle server's line is out within a second. */
export const LOG_FLUSH_MS = 1000;

type Sink = ReturnType<typeof pino.destination>;

/** Batches not yet handed on, written by the one exit listener below. */
const live = new Set<BatchedLines>();
let exitListener = false;

/**
 * Log lines kept in memory and handed to the destination (sonic-boom) as one string per batch. Not
 * sonic-boom's own `minLength`: it appends each line to one growing string and measures that string's UTF-8 length
 * at every write — a batch of 4 KB cost more per line than the write it saved (`pnpm bench:layers`: the request log
 * still 10–29 µs a request).
 */
class BatchedLines {
  #lines: string[] = [];
  #size = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly sink: Sink) {
    this.#timer = setInterval(() => this.flush(), LOG_FLUSH_MS);
    this.#timer.unref();
    live.add(this);
    if (!exitListener) {
      exitListener = true;
      // The event loop is gone on exit: what waits is written synchronously (pino does so for its destination).
      process.on('exit', () => {
        for (const batch of live) {
          try {
            batch.flushSync();
          } catch {
            // A destination not open yet or already closed: nothing more can be written.
          }
        }
      });
    }
  }

  write(line: string): boolean {
    this.#lines.push(line);
    this.#size += line.length;
    if (this.#size >= LOG_BATCH_BYTES) this.flush();
    return true;
  }

  /** Hands what waits to the destination (pino's logger.flush() calls this too). */
  flush(done?: (error?: Error) => void): void {
    if (this.#lines.length > 0) {
      const text = this.#lines.length === 1 ? this.#lines[0]! : this.#lines.join('');
      this.#lines = [];
      this.#size = 0;
      this.sink.write(text);
    }
    if (done) this.sink.flush(done);
  }

  flushSync(): void {
    this.flush();
    this.sink.flushSync();
  }

  /** The server closed: write what waits, stop the timer. */
  end(): void {
    clearInterval(this.#timer);
    live.delete(this);
    this.flush();
  }
}

export type LogDestination = Sink | BatchedLines;

/**
 * Where log lines go (stdout by default). In batches of LOG_BATCH_BYTES (at least every LOG_FLUSH_MS), each batch
 * in one synchronous write: a write per line was a system call and a thread-pool round trip per request. A log
 * reader that stops reading holds the server at its next batch rather than letting lines pile up in memory (pino's
 * own default is synchronous too). What waits is written on exit (SIGTERM included); a process killed outright
 * (SIGKILL, out of memory) loses at most its last second. `immediate` — stdout is a terminal (`npm start`), or the
 * level is debug or trace (someone is watching a problem live) — sends each line at once, asynchronously.
 */
export function logDestination(immediate: boolean | undefined, dest: number | string = 1): LogDestination {
  // A batch is written synchronously (pino's own default): one write(2) per ~60 lines costs less than handing
  // each batch to libuv's thread pool and waking a thread for it.
  return immediate
    ? pino.destination({ dest, sync: false })
    : new BatchedLines(pino.destination({ dest, sync: true }));
}

/** Writes what a destination keeps back and stops its timer (the server's onClose). */
export function closeLogDestination(destination: LogDestination): void {
  if (destination instanceof BatchedLines) destination.end();
}
