/**
 * The public portal's catalog as a visitor's phone first loads it (issue #15: under 100 KB of compressed JavaScript,
 * readable quickly on a slow connection): Debian Chromium driven through the DevTools protocol, cache empty, a
 * 360 px screen, the network throttled to 1.6 Mbps down / 750 kbps up with 150 ms round trips, the CPU slowed 4×.
 * Reports the compressed bytes on the wire (JavaScript apart) and the time to the load event, median of three loads.
 */
import { type BrowserContext, chromium } from 'playwright-core';

export const PORTAL_CATALOG_PATH = `/portal/products?q=${encodeURIComponent('ผ้าไหม')}&province=34`;
export const PHONE = { downMbps: 1.6, upKbps: 750, rttMs: 150, cpuSlowdown: 4 };

export interface PortalLoad {
  path: string;
  jsKb: number;
  totalKb: number;
  /** Median of the runs: navigation start to the end of the load event. */
  loadMs: number;
  runs: number;
}

interface Loaded {
  jsBytes: number;
  totalBytes: number;
  loadMs: number;
}

export async function portalLoad(baseUrl: string, runs = 3): Promise<PortalLoad> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
  try {
    const loads: Loaded[] = [];
    for (let i = 0; i < runs; i++) {
      // A new context each time: nothing cached, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      try {
        loads.push(await loadOnce(context, `${baseUrl}${PORTAL_CATALOG_PATH}`));
      } finally {
        await context.close();
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      path: PORTAL_CATALOG_PATH,
      jsKb: median(loads.map((l) => l.jsBytes)) / 1024,
      totalKb: median(loads.map((l) => l.totalBytes)) / 1024,
      loadMs: median(loads.map((l) => l.loadMs)),
      runs,
    };
  } finally {
    await browser.close();
  }
}

async function loadOnce(context: BrowserContext, url: string): Promise<Loaded> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.rttMs,
    downloadThroughput: (PHONE.downMbps * 1_000_000) / 8,
    uploadThroughput: (PHONE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  const types = new Map<string, string>();
  let jsBytes = 0;
  let totalBytes = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    // Bytes as they crossed the network: headers and the compressed body.
    totalBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const loadMs = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return navigation.loadEventEnd - navigation.startTime;
  });
  // Pictures the load event did not wait for (lazy ones in view) still count as bytes of the first view.
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
  return { jsBytes, totalBytes, loadMs };
}
