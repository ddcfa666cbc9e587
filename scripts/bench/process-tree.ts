/**
 * Runs a command and measures it the way a build machine feels it: wall time, and the peak memory
 * of the whole process tree (the build script, the Astro process it starts, and Pagefind's own
 * process), since any of them can be the one that runs the machine out of memory.
 *
 * Linux exposes each process's resident set in /proc. Every `intervalMs` the tree is walked from
 * the child's pid (/proc/PID/task/TID/children) and the VmRSS of its members summed; the largest
 * sum is the peak. Sampling can miss a spike shorter than the interval, so each process's VmHWM
 * (its own peak, kept by the kernel) is read too: their sum is an upper bound, the sampled peak a
 * lower bound, and the largest single VmHWM is exact for that process. `/usr/bin/time -v` would
 * give only the largest single process, and is not installed everywhere.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';

export interface TreeRun {
  status: number | null;
  wallMs: number;
  /** Largest sampled sum of VmRSS over the tree, bytes. */
  peakRssBytes: number;
  /** Sum of each process's own peak (VmHWM), bytes: an upper bound of the tree's peak. */
  sumOfPeaksBytes: number;
  /** The largest single process peak (VmHWM), bytes, with its command. */
  largestProcess: { bytes: number; command: string };
  samples: number;
}

function children(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const line of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)) {
      if (line) found.push(Number(line));
    }
  } catch {
    // The process ended between two reads.
  }
  return found;
}

function tree(root: number): number[] {
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  return all;
}

function memory(pid: number): { rss: number; hwm: number; command: string } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 3).join(' ');
    return { rss: kB('VmRSS'), hwm: kB('VmHWM'), command };
  } catch {
    return undefined;
  }
}

export function canMeasureMemory(): boolean {
  return existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
}

/** Runs `command args` in `cwd`, output appended to `logFile`, sampling memory every `intervalMs`. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; intervalMs?: number; echo?: boolean },
): Promise<TreeRun> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (options.echo) process.stderr.write(chunk);
    });
  }
  let peak = 0;
  let samples = 0;
  const peaks = new Map<number, { hwm: number; command: string }>();
  const sample = () => {
    if (!child.pid) return;
    let sum = 0;
    for (const pid of tree(child.pid)) {
      const m = memory(pid);
      if (!m) continue;
      sum += m.rss;
      const known = peaks.get(pid);
      if (!known || m.hwm > known.hwm) peaks.set(pid, { hwm: m.hwm, command: m.command });
    }
    samples++;
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, options.intervalMs ?? 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      log.end();
      const all = [...peaks.values()];
      const largest = all.reduce((a, b) => (b.hwm > a.hwm ? b : a), { hwm: 0, command: '' });
      resolve({
        status,
        wallMs,
        peakRssBytes: peak,
        sumOfPeaksBytes: all.reduce((s, p) => s + p.hwm, 0),
        largestProcess: { bytes: largest.hwm, command: largest.command },
        samples,
      });
    });
  });
}
