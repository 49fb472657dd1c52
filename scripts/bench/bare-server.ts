// The pages bench's baseline: a bare node:http server answering every request with the portal's captured bytes
// (same body, same content-type and content-encoding). Forked by the bench; reports its port over IPC.
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

const server = createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
