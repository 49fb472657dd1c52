// The journey bench's CPU profile (BENCH_JOURNEY_CPU_PROF=1): the portal's main-thread self time by package, so
// "what dominates beyond the primitives" reads at a glance. Argon2id runs on libuv's threads and is not in it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface PackageTime {
  name: string;
  selfMs: number;
  /** Of the busy time (idle left out). */
  share: number;
}

/** The server's main thread: the largest profile in the folder (tsx's loader thread writes a small one beside it). */
export function largestProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? null;
}

function packageOf(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/^\(|\)$/g, '') || 'native'})`;
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope = '', name = ''] = clean.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (clean.startsWith('node:')) return 'node (built-in modules)';
  const relative = path.relative(process.cwd(), clean);
  if (relative.startsWith('build/')) return 'the app (build/index.js)';
  return relative.split('/')[0] ?? relative;
}

export function selfTimeByPackage(file: string, limit = 15): PackageTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPackage = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId)!;
    if (frame.functionName === '(idle)') return;
    const delta = profile.timeDeltas[index] ?? 0;
    busy += delta;
    const name = packageOf(frame.url, frame.functionName);
    byPackage.set(name, (byPackage.get(name) ?? 0) + delta);
  });
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({ name, selfMs: us / 1000, share: us / busy }));
}
