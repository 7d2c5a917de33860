import { describe, expect, it } from 'vitest';
import { ChangesPoller } from './changes-poller';

type Answer = { server_time: string; lines: string[] };

/** A poller on a hand-driven clock: `tick()` runs the scheduled turn. */
function harness(answers: (Answer | Error)[], active = () => true) {
  const asked: (string | undefined)[] = [];
  const results: Answer[] = [];
  let scheduled: (() => void) | null = null;
  const poller = new ChangesPoller<Answer>({
    fetch: async (since) => {
      asked.push(since);
      const next = answers.shift();
      if (!next || next instanceof Error) throw next ?? new Error('no answer');
      return next;
    },
    onResult: (r) => results.push(r),
    isActive: active,
    setTimer: (run) => {
      scheduled = run;
      return 1;
    },
    clearTimer: () => {
      scheduled = null;
    },
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    poller,
    asked,
    results,
    async tick() {
      const run = scheduled;
      scheduled = null;
      run?.();
      await flush();
    },
    flush,
    get scheduled() {
      return scheduled !== null;
    },
  };
}

describe('polling other people’s lines', () => {
  it('passes back the server’s time of the previous answer, turn after turn', async () => {
    const h = harness([
      { server_time: 'T1', lines: ['a'] },
      { server_time: 'T2', lines: [] },
      { server_time: 'T3', lines: ['b'] },
    ]);
    h.poller.start();
    await h.flush();
    await h.tick();
    await h.tick();
    expect(h.asked).toEqual([undefined, 'T1', 'T2']);
    expect(h.results.map((r) => r.lines)).toEqual([['a'], [], ['b']]);
  });

  it('keeps going after a failed poll, from the same point', async () => {
    const h = harness([
      { server_time: 'T1', lines: [] },
      new Error('offline'),
      { server_time: 'T2', lines: ['c'] },
    ]);
    h.poller.start();
    await h.flush();
    await h.tick();
    await h.tick();
    expect(h.asked).toEqual([undefined, 'T1', 'T1']);
    expect(h.results.at(-1)?.lines).toEqual(['c']);
  });

  it('skips its turns while the screen is hidden, and stops for good', async () => {
    let visible = false;
    const h = harness([{ server_time: 'T1', lines: [] }], () => visible);
    h.poller.start();
    await h.flush();
    expect(h.asked).toEqual([]);
    expect(h.scheduled).toBe(true);
    visible = true;
    await h.tick();
    expect(h.asked).toEqual([undefined]);
    h.poller.stop();
    expect(h.scheduled).toBe(false);
    await h.tick();
    expect(h.asked).toHaveLength(1);
  });
});
