import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { searchPath } from '../catalog/search-latency.js';
import type { SearchCase } from '../catalog/search-queries.js';

// The messages of search-client.js.
type ClientCommand = { type: 'rounds'; rounds: number } | { type: 'loop' } | { type: 'stop' };
type ClientReply = { type: 'samples'; samples: number[] } | { type: 'error'; message: string };

/** A visitor searching the site over HTTP from its own thread, one request at a time. */
export interface SearchVisitor {
  /** Every case in turn, `rounds` times: milliseconds per request. */
  rounds(rounds: number): Promise<number[]>;
  /** Searches, cycling through the cases, until `work` settles; its result and the latencies. */
  during<T>(work: Promise<T>): Promise<{ result: T; samples: number[] }>;
  close(): Promise<void>;
}

export function startVisitor(origin: string, cases: readonly SearchCase[]): SearchVisitor {
  const worker = new Worker(new URL('./search-client.js', import.meta.url), {
    workerData: { origin, paths: cases.map(searchPath) },
  });
  const send = (command: ClientCommand) => {
    worker.postMessage(command);
  };
  const reply = async (): Promise<number[]> => {
    const [message] = (await once(worker, 'message')) as [ClientReply];
    if (message.type === 'error') throw new Error(message.message);
    return message.samples;
  };
  return {
    rounds(rounds) {
      const answer = reply();
      send({ type: 'rounds', rounds });
      return answer;
    },
    async during(work) {
      const answer = reply();
      send({ type: 'loop' });
      try {
        await work;
      } catch (error) {
        // The visitor's own answer no longer matters; the work's failure is the one to report.
        answer.catch(() => undefined);
        throw error;
      } finally {
        send({ type: 'stop' });
      }
      return { result: await work, samples: await answer };
    },
    async close() {
      await worker.terminate();
    },
  };
}
