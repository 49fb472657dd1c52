// `npm run config:check`: validates the environment the way the server will, before any build work.
import { ConfigError, getConfig } from '../app/config.server';

try {
  const config = getConfig();
  if (process.argv.includes('--verbose')) {
    console.log(`Configuration ok: port ${config.port}, database ${config.databasePath}, demo mode ${config.demoMode ? 'on' : 'off'}`);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}
