/**
 * First load of the sign-in page, the first thing a district officer loads on a phone: Lighthouse's mobile audit
 * (mid-range phone, slow 4G, simulated throttling) in Debian Chromium. Reports the compressed bytes of JavaScript
 * on the wire before the page is usable (target 200 KB), all bytes, and the performance score.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { FirstLoad } from './table';

interface NetworkRequest {
  resourceType?: string;
  transferSize?: number;
}

export async function firstLoad(baseUrl: string): Promise<FirstLoad> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const result = await lighthouse(`${baseUrl}/login`, {
      port: chrome.port,
      onlyCategories: ['performance'],
      logLevel: 'error',
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    const requests = ((lhr.audits['network-requests'].details as { items?: NetworkRequest[] } | undefined)?.items ??
      []) as NetworkRequest[];
    const jsBytes = requests.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    return {
      jsKb: jsBytes / 1024,
      totalKb: (lhr.audits['total-byte-weight'].numericValue ?? 0) / 1024,
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    };
  } finally {
    chrome.kill();
  }
}
