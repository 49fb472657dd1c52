// The pages bench's baseline: a bare node:http server answering every request with the portal's captured bytes
// (same body, same content-type and content-encoding). Forked by the bench; reports its port over IPC. With a process
// count above 1 (argv[3]) it serves the one port from that many node:cluster workers, as WEB_CONCURRENCY does.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface CapturedPage {
  contentType: string;
  contentEncoding: string | null;
  bodyBase64: string;
}

const page = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CapturedPage;
const body = Buffer.from(page.bodyBase64, 'base64');
const headers: Record<string, string | number> = { 'Content-Type': page.contentType, 'Content-Length': body.length };
if (page.contentEncoding) headers['Content-Encoding'] = page.contentEncoding;

const processes = Number(process.argv[3] ?? 1);

if (cluster.isPrimary && processes > 1) {
  const workers = Array.from({ length: processes }, () => cluster.fork());
  let listening = 0;
  for (const worker of workers) {
    worker.on('message', (message: { port: number }) => {
      if ((listening += 1) === processes) process.send!(message);
    });
  }
  process.on('disconnect', () => {
    for (const worker of workers) worker.kill();
    process.exit(0);
  });
} else {
  const server = createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('disconnect', () => process.exit(0));
}
