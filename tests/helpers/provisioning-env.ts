// For a test file whose portal code calls provisioning: a local provisioning server for the file, its URL and secret
// in this worker's environment (child processes inherit them) and in the configuration, removed afterwards.
import { afterAll, beforeAll } from 'vitest';
import { resetConfigForTests } from '../../app/config.server';
import { startProvisioningServer, type ProvisioningServer } from './provisioning-server';

export function provisioningServerForThisFile(): () => ProvisioningServer {
  let server: ProvisioningServer | undefined;
  beforeAll(async () => {
    server = await startProvisioningServer();
    process.env.PROVISIONING_URL = server.url;
    process.env.PROVISIONING_SECRET = server.secret;
    resetConfigForTests();
  });
  afterAll(async () => {
    delete process.env.PROVISIONING_URL;
    delete process.env.PROVISIONING_SECRET;
    resetConfigForTests();
    await server?.close();
  });
  return () => server!;
}
