// Summarises a V8 .cpuprofile (from node --cpu-prof): the functions with the most self time.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

function shortUrl(url: string): string {
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0) return clean.slice(modules + 'node_modules/'.length);
  return clean.startsWith(process.cwd()) ? path.relative(process.cwd(), clean) : clean;
}

export function topSelfTime(file: string, limit = 20): SelfTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfUs = new Map<string, { name: string; where: string; us: number }>();
  let total = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId)!;
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}@${where}`;
    const entry = selfUs.get(key) ?? { name: frame.functionName || '(anonymous)', where, us: 0 };
    entry.us += delta;
    selfUs.set(key, entry);
  });
  return [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((entry) => ({ name: entry.name, where: entry.where, selfMs: entry.us / 1000, share: entry.us / total }));
}

export function selfTimeTable(rows: SelfTime[]): string {
  return [
    '| self % | self ms | function | where |',
    '|---:|---:|---|---|',
    ...rows.map((row) => `| ${(row.share * 100).toFixed(1)} | ${row.selfMs.toFixed(0)} | ${row.name} | ${row.where} |`),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(selfTimeTable(topSelfTime(process.argv[2]!, Number(process.argv[3] ?? 25))));
}
