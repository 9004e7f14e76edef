/**
 * The voucher lottery in Chromium (issue 14), at 390×844: a resident registers for both categories
 * of a lottery round on the program's page and sees the entries waiting; the round is then closed
 * and drawn — its times moved into the past in the portal's database, and the draw run through
 * the dev route (the lottery job's step, which the schedule would run within five minutes); the
 * budget pays for one voucher, so one entry wins and one is not drawn, and the resident sees both
 * results and the voucher; the public page shows the revealed seed, the winner and "matches".
 *
 * It uses the review portal (the one whose database the tests may reach) and its
 * home-renovation-2026 program, which no other browser test uses there: switched to lottery
 * allocation with a round opened today and a budget of one voucher for this file, and put back
 * (program version, budget, the won voucher cancelled) afterwards.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { newPhone, saveFirstProfile, signInBySms } from './resident';

const baseUrl = inject('reviewBaseUrl');
const databaseUrl = inject('reviewDatabaseUrl');
const PROGRAM = 'home-renovation-2026';
const MAX_FEN = 200_000;
const DAY_MS = 86_400_000;

/** A date as Asia/Shanghai sees it, `YYYY-MM-DD`. */
const shanghaiDate = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

async function noSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('voucher lottery in Chromium (resident and public, 390×844)', () => {
  let browser: Browser;
  let db: pg.Client;
  let programId: string;
  let originalVersionId: string;
  let originalTotal: number;
  let cookieHeader = '';

  const setTotal = async (total: number, note: string) => {
    await db.query('BEGIN');
    const { rows } = await db.query<{ total_fen: string }>(
      `SELECT total_fen FROM budget WHERE program_id = $1 FOR UPDATE`,
      [programId],
    );
    await db.query(
      `UPDATE budget SET total_fen = $2, remaining_fen = $2 - reserved_fen - committed_fen - paid_fen, updated_at = now()
        WHERE program_id = $1`,
      [programId, total],
    );
    await db.query(
      `INSERT INTO budget_ledger (program_id, entry, amount_fen, note) VALUES ($1, 'adjust', $2, $3)`,
      [programId, total - Number(rows[0]!.total_fen), note],
    );
    await db.query('COMMIT');
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{
      id: string;
      current_version_id: string;
      definition: Record<string, unknown> & { settings: Record<string, unknown>; closesOn: string };
      total_fen: string;
      used: string;
      version: number;
    }>(
      `SELECT p.id, p.current_version_id, v.definition, b.total_fen, b.reserved_fen + b.committed_fen + b.paid_fen AS used,
              (SELECT max(version) FROM program_version WHERE program_id = p.id) AS version
         FROM program p JOIN program_version v ON v.id = p.current_version_id JOIN budget b ON b.program_id = p.id
        WHERE p.code = $1`,
      [PROGRAM],
    );
    const program = rows[0]!;
    programId = program.id;
    originalVersionId = program.current_version_id;
    originalTotal = Number(program.total_fen);
    // Round 1 opens at today's midnight (Beijing time) and runs a week, inside the window.
    const opensOn = shanghaiDate(Date.now());
    const closesOn = shanghaiDate(Date.now() + 21 * DAY_MS);
    const version = Number(program.version) + 1;
    const definition = {
      ...program.definition,
      version,
      opensOn,
      closesOn,
      settings: {
        ...program.definition.settings,
        allocationMode: 'lottery',
        lottery: { roundDays: 7, drawTime: '10:00' },
      },
    };
    const inserted = await db.query<{ id: string }>(
      // Published, in effect only through the pointer below (an effective date no search reaches).
      `INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on, published_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, 'published', '9999-12-31', now()) RETURNING id`,
      [programId, version, JSON.stringify(definition), opensOn, closesOn],
    );
    await db.query(`UPDATE program SET current_version_id = $2 WHERE id = $1`, [
      programId,
      inserted.rows[0]!.id,
    ]);
    // The budget pays for exactly one voucher at the draw.
    await setTotal(Number(program.used) + MAX_FEN, 'lottery.e2e: one voucher');
  });

  afterAll(async () => {
    // The won voucher gives its reservation back; the program goes back to first come, first served.
    if (cookieHeader) {
      const listed = (await (
        await fetch(`${baseUrl}/api/vouchers`, { headers: { cookie: cookieHeader } })
      ).json()) as Array<{ id: string; status: string }>;
      for (const voucher of listed.filter((v) => v.status === 'issued')) {
        await fetch(`${baseUrl}/api/vouchers/${voucher.id}/cancel`, {
          method: 'POST',
          headers: { cookie: cookieHeader, origin: baseUrl },
        });
      }
    }
    if (db) {
      await db.query(`UPDATE program SET current_version_id = $2 WHERE id = $1`, [
        programId,
        originalVersionId,
      ]);
      await setTotal(originalTotal, 'lottery.e2e: restored');
      await db.end();
    }
    await browser?.close();
  });

  it('registers for a round, sees the result of the draw and the voucher, and the public page re-checks it: matches', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page, [[404, '/api/me/profile']]);

    const phone = newPhone();
    await signInBySms(page, baseUrl, phone);
    await page.waitForURL(`${baseUrl}/me/profile`);
    await saveFirstProfile(page);
    cookieHeader = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');

    // The program's page: the open round, its times and seed hash; register for both categories.
    await page.goto(`${baseUrl}/programs/${PROGRAM}`);
    const panel = page.getByTestId('resident-lottery');
    await panel.getByTestId('lottery-round').and(page.locator('[data-state="open"]')).waitFor();
    const seedHash = (await panel.getByTestId('lottery-seed-hash').textContent()) ?? '';
    expect(seedHash).toMatch(/^[0-9a-f]{64}$/);
    await panel.getByText('北京时间', { exact: false }).first().waitFor();
    await panel.getByRole('button', { name: '报名：卫生洁具' }).click();
    await panel
      .getByRole('status')
      .getByText(/^报名成功：卫生洁具/)
      .waitFor();
    await panel.getByRole('button', { name: '报名：智能家居' }).click();
    await panel
      .getByRole('status')
      .getByText(/^报名成功：智能家居/)
      .waitFor();
    await panel.getByRole('button', { name: '卫生洁具：已报名' }).waitFor();
    const entries = panel.getByTestId('lottery-entry');
    await expect.poll(() => entries.count()).toBe(2);
    const ids = await entries.evaluateAll((items) =>
      items.map((li) => li.getAttribute('data-entry-id') ?? ''),
    );
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await entries.evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).toEqual([
      'entered',
      'entered',
    ]);
    // Twice is refused (one entry per person, category and round), by the API as by the page.
    const twice = await page.request.post(`${baseUrl}/api/programs/${PROGRAM}/lottery/entries`, {
      data: { category: 'smart_home' },
      headers: { origin: baseUrl },
    });
    expect(twice.status()).toBe(409);
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('LOTTERY_ALREADY_ENTERED');
    await noSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('lottery-register-phone-zh'), fullPage: true });

    // The public page before the draw: the same seed hash, both entries, no seed, nothing to check yet.
    await page.goto(`${baseUrl}/programs/${PROGRAM}/lottery`);
    const publicPage = page.getByTestId('public-lottery');
    await publicPage.waitFor();
    expect(await publicPage.getByTestId('lottery-seed-hash').textContent()).toBe(seedHash);
    expect(await publicPage.getByTestId('lottery-entry-count').textContent()).toBe('2');
    expect(await publicPage.getByTestId('lottery-seed').count()).toBe(0);
    await publicPage.getByText('本轮尚未开奖，开奖后可核验。').waitFor();

    // The round closes and its draw time comes (moved into the past), and the draw runs.
    await db.query(
      `UPDATE lottery_round SET closes_at = now() - interval '2 seconds', draw_at = now() - interval '1 second'
        WHERE program_id = $1 AND drawn_at IS NULL`,
      [programId],
    );
    const run = await page.request.post(`${baseUrl}/api/dev/lottery/${PROGRAM}/run`, {
      headers: { origin: baseUrl },
    });
    expect(run.status()).toBe(200);
    // The portal's own worker may have drawn it a moment before: either way it is drawn once.
    expect([0, 1]).toContain(((await run.json()) as { drawn: number }).drawn);

    // The resident's result on the vouchers page: one entry won (its voucher listed), one not drawn.
    await page.goto(`${baseUrl}/vouchers`);
    const mine = page.getByTestId('resident-lottery').getByTestId('lottery-entry');
    await expect
      .poll(async () =>
        (await mine.evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).sort().join(),
      )
      .toBe('lost,won');
    const won = mine.and(page.locator('[data-status="won"]'));
    const lost = mine.and(page.locator('[data-status="lost"]'));
    await won.getByText(/^已中签：资格券已发放/).waitFor();
    await lost.getByText(/预留资金已释放/).waitFor();
    const wonId = (await won.getAttribute('data-entry-id')) ?? '';
    expect(ids).toContain(wonId);
    const card = page.getByTestId('voucher-card');
    await expect.poll(() => card.count()).toBe(1);
    await card.getByText('可使用').waitFor();
    await noSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('lottery-result-phone-zh'), fullPage: true });

    // The public page after the draw: the seed revealed, one winner of two, and the re-check matches.
    await page.goto(`${baseUrl}/programs/${PROGRAM}/lottery`);
    await publicPage.getByTestId('lottery-seed').waitFor();
    expect(await publicPage.getByTestId('lottery-winner-count').textContent()).toBe('1');
    expect(await publicPage.getByTestId('lottery-winners').textContent()).toBe(wonId);
    const result = publicPage.getByTestId('lottery-recheck-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    await result.getByText(/^一致：种子与哈希相符/).waitFor();
    await publicPage.getByLabel('查找报名编号').fill(wonId.slice(0, 13));
    await publicPage
      .getByTestId('lottery-search-answer')
      .getByText(`编号 ${wonId} 中签（第 1 名）。`)
      .waitFor();
    const cli = (await publicPage.getByTestId('lottery-cli').textContent()) ?? '';
    expect(cli).toContain(`lottery-verify.js --url '${baseUrl}/api/programs/${PROGRAM}/lottery?round=1'`);
    // No personal data on the public page: not the resident's phone, nor any mobile number as a
    // token of its own (the seed and its hash are hex, whose digit runs are not tokens).
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(phone);
    expect(text).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/);
    await noSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('lottery-public-phone-zh'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });
});
