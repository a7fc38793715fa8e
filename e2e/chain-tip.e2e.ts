/** The built app in Chromium reads and verifies the devnet's chain tip through its Esplora client (in a Worker). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('when the app is opened with the devnet as its embedded default', () => {
  it('shows the tip height that the devnet reports, with proof of work verified', async () => {
    const tipHeight = Number(await (await fetch(`${h.devnetUrl}/blocks/tip/height`)).text());
    const page = await h.newPage();
    await page.goto(h.appUrl);
    const height = page.getByTestId('tip-height');
    await height.waitFor({ timeout: 30_000 });
    expect(Number(await height.textContent())).toBe(tipHeight);
    expect(await page.getByText(/verified against the header’s bits/).isVisible()).toBe(true);
    await screenshot(page, 'chain-tip');
  });
});

describe('when the Esplora host is unreachable', () => {
  it('explains the failure with a coded error instead of hanging', async () => {
    const page = await h.newPage();
    await page.goto(`${h.appUrl}?network=regtest&esplora=${encodeURIComponent('http://127.0.0.1:9/api')}`);
    const alert = page.getByRole('region', { name: 'Chain tip' }).getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/FETCH_/);
    await screenshot(page, 'chain-tip-unreachable');
  });
  it('the months timeline says so too, with its code and a way to try again', async () => {
    const page = await h.newPage();
    await page.goto(`${h.appUrl}?network=regtest&esplora=${encodeURIComponent('http://127.0.0.1:9/api')}#/months`);
    const months = page.getByRole('region', { name: 'Months' });
    const alert = months.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/Could not list the months[\s\S]*FETCH_/);
    const again = months.getByRole('button', { name: 'Try listing the months again' });
    await again.click();
    await months.getByRole('status').waitFor({ timeout: 5_000 });
    await alert.waitFor({ timeout: 60_000 });
  });
});
