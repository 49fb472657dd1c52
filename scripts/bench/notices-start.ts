// Child of the notices bench: starts the incident's notices as an admin would ("Start sending" on /admin/notices),
// through the real service, with the server's database settings and secrets; prints the answer as JSON and exits.
// The portal's own loop picks the campaign up (this process runs none), at its next pass within a second.
import { closeDb } from '../../app/models/db.server';
import { startSending } from '../../app/services/incident-notices.server';

const incidentId = process.argv[2];
if (!incidentId) throw new Error('usage: notices-start.ts <incident id>');
const answer = await startSending({ sessionId: 0, staffId: 0, name: 'bench', role: 'admin' }, incidentId);
const returnedAt = Date.now();
await closeDb();
process.stdout.write(JSON.stringify({ answer, returnedAt }));
