// `npx tsx scripts/screenshot.ts URL OUT.png [width]`: a full-page screenshot in Debian's Chromium, for looking.
import { launchBrowser } from '../tests/helpers/browser';

const [url, out, width = '1280'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts URL OUT.png [width]');
  process.exit(2);
}
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
