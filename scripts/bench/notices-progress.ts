// Child of the notices bench: the campaign's progress as /admin/notices shows it (sendingProgress), as JSON.
import { closeDb } from '../../app/models/db.server';
import { sendingProgress } from '../../app/services/incident-notices.server';

const incidentId = process.argv[2];
if (!incidentId) throw new Error('usage: notices-progress.ts <incident id>');
const progress = await sendingProgress(incidentId);
await closeDb();
process.stdout.write(JSON.stringify(progress));
