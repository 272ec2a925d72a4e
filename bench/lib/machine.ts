import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}`;
}

/** Resident set size of this process now, and its peak so far, in MiB. */
export function memoryMiB(): { rss: number; peakRss: number; heapUsed: number } {
  const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    rss: mib(process.memoryUsage().rss),
    peakRss: mib(process.resourceUsage().maxRSS * 1024),
    heapUsed: mib(process.memoryUsage().heapUsed),
  };
}
