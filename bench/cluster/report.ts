import type { LoadResult } from '../lib/load.js';
import { machineLine, type Machine } from '../lib/machine.js';
import { int, markdownTable, ms, textTable, type Table } from '../lib/report.js';
import type { Mix } from './mixes.js';

/** Seconds of load before each measured run (connections open, caches warm). */
export const WARM_S = 3;

export interface MixRun {
  result: LoadResult;
  /** CPU time the nodes spent per request answered (all nodes together). */
  nodeCpuMsPerRequest: number;
  /** CPU time PostgreSQL spent per request answered. */
  dbCpuMsPerRequest: number;
}

export interface ClusterResult {
  date: string;
  machine: Machine;
  seedS: number;
  connections: number;
  durationS: number;
  /** Each node's CPU limit (a cgroup quota), or null when nodes ran without one. */
  nodeMillicores: number | null;
  runs: { mix: Mix; one: MixRun; two: MixRun | null }[];
}

function table(result: ClusterResult): Table {
  return {
    head: [
      'Mix',
      'Nodes',
      'Requests/s',
      'p50 ms',
      'p97.5 ms',
      'p99 ms',
      'Node CPU ms/request',
      'PostgreSQL CPU ms/request',
    ],
    rows: result.runs.flatMap(({ mix, one, two }) =>
      [one, two].flatMap((r, i) =>
        r
          ? [
              [
                mix.name,
                String(i + 1),
                int(r.result.requestsPerSecond),
                ms(r.result.latency.p50),
                ms(r.result.latency.p97_5),
                ms(r.result.latency.p99),
                ms(r.nodeCpuMsPerRequest),
                ms(r.dbCpuMsPerRequest),
              ],
            ]
          : [],
      ),
    ),
  };
}

const gain = (one: MixRun, two: MixRun | null) =>
  two ? (two.result.requestsPerSecond / one.result.requestsPerSecond).toFixed(2) : '-';

export function clusterText(result: ClusterResult): string {
  const gains = result.runs.map(({ mix, one, two }) => `${mix.name} ×${gain(one, two)}`);
  return `${textTable(table(result))}\n\ntwo nodes against one: ${gains.join(', ')}`;
}

/** Requests per second one core of a node gives a mix, from the CPU each request cost it. */
const perCore = (run: MixRun) =>
  run.nodeCpuMsPerRequest > 0 ? int(1000 / run.nodeCpuMsPerRequest) : '-';

export function clusterMarkdown(result: ClusterResult): string {
  const mixes = result.runs.map(({ mix }) => `- **${mix.name}**: ${mix.description}.`).join('\n');
  const gains = result.runs.map(({ mix, one, two }) => `${mix.name} ×${gain(one, two)}`).join(', ');
  const sizing = result.runs
    .map(({ mix, one }) => `${mix.name} about ${perCore(one)} requests per second per core`)
    .join(', ');
  const limit =
    result.nodeMillicores === null
      ? `The nodes ran without a CPU limit, sharing the machine's ${String(result.machine.cores)} cores with PostgreSQL, s3rver and the load generator, so a second node mostly takes CPU the first left to them.`
      : `Each node is held to ${String(result.nodeMillicores)} millicores (a control group's CPU quota, as a container's CPU limit holds it; \`BENCH_CLUSTER_NODE_MILLICORES\`), so that two nodes fit beside PostgreSQL, s3rver and the load generator on this machine's ${String(result.machine.cores)} cores and the second node adds CPU of its own instead of taking what the first left to the others.`;
  return `## Nodes: one against two

${machineLine(result.machine)}, ${result.date}, \`npm run bench -- cluster\` (after \`npm run build\`; PostgreSQL from \`DATABASE_URL\`, default \`postgres://root@127.0.0.1:5432/test\`). The built app (\`node dist/main.js serve\`) on one PostgreSQL database (created fresh) and one bucket of s3rver on loopback, seeded with the demo region (\`metrodata seed\`, ${result.seedS.toFixed(0)} s). autocannon, in a process of its own, keeps ${String(result.connections)} connections busy for ${String(result.durationS)} s per mix after a ${String(WARM_S)} s warm-up, spread evenly over the nodes as a round-robin load balancer spreads them. ${limit} Latency here is mostly queueing (${String(result.connections)} requests in flight at once); the pages benchmark has one request's time. CPU per request is read from \`/proc\` (a node's includes DuckDB's threads).

${mixes}

${markdownTable(table(result))}

Two nodes against one: ${gains}. From the CPU each request cost a node: ${sizing}.
`;
}
