import { maskBankCard, maskIdNumber, maskPhone, PRIVACY_CONSENT_VERSION } from '@huanxin/shared';
import request from 'supertest';
import { BAD_ID_NUMBERS, BANK_CARDS, ID_NUMBERS, PHONES, profileBody } from './fixtures/pii';
import {
  clearRateLimits,
  createIdentityApp,
  dataSourceOf,
  signInResident,
  type SignedIn,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

const ids = ID_NUMBERS.profile;
const cards = BANK_CARDS.profile;
const phones = PHONES.profile;

/** The resident profile (api-contract.md "Resident profile"; identifiers.md masking; PIPL Art. 29 consent). */
describe('resident profile', () => {
  let t: TestApp;
  let alice: SignedIn;
  let bob: SignedIn;

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    alice = await signInResident(t, phones[0]!);
    bob = await signInResident(t, phones[1]!);
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (who: SignedIn, body: Record<string, unknown>) =>
    request(t.server).put('/api/me/profile').set('cookie', who.cookie).send(body);
  const get = (who: SignedIn) => request(t.server).get('/api/me/profile').set('cookie', who.cookie);
  const consentRows = async (userId: string) =>
    (await dataSourceOf(t).query(
      'SELECT purpose, version, granted_at FROM consent_record WHERE user_id = $1',
      [userId],
    )) as { version: string }[];

  it('before any details: GET → 404 PROFILE_NOT_FOUND', async () => {
    const res = await get(alice).expect(404);
    expect(res.body.error.code).toBe('PROFILE_NOT_FOUND');
  });

  describe('PUT refuses bad input with 422 and the field’s code, and saves nothing', () => {
    it.each([
      ['a wrong ID check digit', { idNumber: BAD_ID_NUMBERS[3] }, 'idNumber', 'INVALID_CHECKSUM'],
      [
        'an ID with a month 13',
        { idNumber: '360426199113010079' },
        'idNumber',
        expect.stringMatching(/^INVALID_/),
      ],
      ['a 15-digit legacy ID', { idNumber: '370114850615101' }, 'idNumber', 'LEGACY_ID_NUMBER'],
      ['an ID that is not a string', { idNumber: 370114 }, 'idNumber', 'INVALID_TYPE'],
      ['a street outside Zhangqiu', { street: 'chaoyang' }, 'street', 'NOT_IN_OPTIONS'],
      ['consent false', { consent: false }, 'consent', 'CONSENT_REQUIRED'],
      ['consent "true" as a string', { consent: 'true' }, 'consent', 'CONSENT_REQUIRED'],
      ['consent missing', { consent: undefined }, 'consent', 'CONSENT_REQUIRED'],
      [
        'a bank card of 12 digits',
        { bankAccount: '621700123456' },
        'bankAccount',
        expect.stringMatching(/^INVALID_/),
      ],
      ['a name missing', { name: undefined }, 'name', expect.any(String)],
      ['an unknown field role', { role: 'admin' }, 'role', 'UNKNOWN_FIELD'],
      ['an unknown field status', { status: 'approved' }, 'status', 'UNKNOWN_FIELD'],
    ])('%s → fields.%s', async (_label, change, field, code) => {
      const res = await put(alice, profileBody('profile', 0, change)).expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields[field as string]).toEqual(code);
      expect(JSON.stringify(res.body)).not.toContain(ids[0]);
      await get(alice).expect(404);
      expect(await consentRows(alice.user.id)).toEqual([]);
    });
  });

  it('PUT with the consent → 200, masked values only, Cache-Control: no-store; the consent (version, time) is recorded', async () => {
    const res = await put(alice, profileBody('profile', 0)).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      name: '张**',
      idNumberMasked: maskIdNumber(ids[0]!),
      phoneMasked: maskPhone(phones[0]!),
      street: 'mingshui',
      address: expect.stringMatching(/\*{4}$/),
      bankName: '中国农业银行章丘支行',
      bankAccountMasked: maskBankCard(cards[0]!),
      consentAt: expect.any(String),
    });
    expect(res.body.idNumberMasked).toMatch(/^3701\*{10}[\dX]{4}$/);
    expect(res.body.bankAccountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
    expect(res.body.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
    const text = JSON.stringify(res.body);
    for (const secret of [ids[0]!, cards[0]!, phones[0]!, '汇泉路 100 号'])
      expect(text).not.toContain(secret);
    const consents = await consentRows(alice.user.id);
    expect(consents).toEqual([
      expect.objectContaining({
        purpose: 'sensitive-personal-information',
        version: PRIVACY_CONSENT_VERSION,
      }),
    ]);
  });

  it('GET → the same masked values, Cache-Control: no-store', async () => {
    const res = await get(alice).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.idNumberMasked).toBe(maskIdNumber(ids[0]!));
    expect(res.body.bankAccountMasked).toBe(maskBankCard(cards[0]!));
    expect(JSON.stringify(res.body)).not.toContain(ids[0]);
  });

  it('identifiers are normalised (spaces, lower-case x, full-width digits) before the check', async () => {
    const id = ids[2]!;
    const fullWidth = [...id]
      .map((ch) => (/\d/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch.toLowerCase()))
      .join('');
    const carol = await signInResident(t, phones[2]!);
    const res = await put(
      carol,
      profileBody('profile', 2, {
        idNumber: ` ${fullWidth} `,
        bankAccount: cards[2]!.replace(/(\d{4})/g, '$1 '),
      }),
    ).expect(200);
    expect(res.body.idNumberMasked).toBe(maskIdNumber(id));
    expect(res.body.bankAccountMasked).toBe(maskBankCard(cards[2]!));
  });

  it('a second resident with the same ID number → 409 ID_NUMBER_IN_USE (blind index), the first keeps it', async () => {
    const res = await put(bob, profileBody('profile', 1, { idNumber: ids[0] })).expect(409);
    expect(res.body.error).toEqual(
      expect.objectContaining({ code: 'ID_NUMBER_IN_USE', fields: { idNumber: 'ID_NUMBER_IN_USE' } }),
    );
    await get(bob).expect(404);
    expect((await get(alice).expect(200)).body.idNumberMasked).toBe(maskIdNumber(ids[0]!));
  });

  it.each([
    [3, 6, 7],
    [4, 8, 9],
    [5, 10, 11],
  ])(
    'two residents racing for one ID number (#%i): one 200, one 409, never a 500',
    async (index, first, second) => {
      const one = await signInResident(t, phones[first]!);
      const two = await signInResident(t, phones[second]!);
      const answers = await Promise.all([
        put(one, profileBody('profile', index)),
        put(two, profileBody('profile', index)),
      ]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    },
  );

  it('a resident updates their own details; each save records the consent again', async () => {
    await put(alice, profileBody('profile', 0, { street: 'shuangshan', name: '李四' })).expect(200);
    const res = await get(alice).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ street: 'shuangshan', name: '李*' }));
    expect(await consentRows(alice.user.id)).toHaveLength(2);
  });

  it('each resident sees only their own details', async () => {
    await put(bob, profileBody('profile', 1)).expect(200);
    const a = await get(alice).expect(200);
    const b = await get(bob).expect(200);
    expect(a.body.idNumberMasked).toBe(maskIdNumber(ids[0]!));
    expect(b.body.idNumberMasked).toBe(maskIdNumber(ids[1]!));
    expect(b.body.phoneMasked).toBe(maskPhone(phones[1]!));
  });

  it('the database holds no plaintext: encrypted fields and keyed blind indexes', async () => {
    const [row] = (await dataSourceOf(t).query('SELECT * FROM resident_profile WHERE user_id = $1', [
      alice.user.id,
    ])) as Record<string, unknown>[];
    const text = JSON.stringify(row);
    for (const secret of [ids[0]!, cards[0]!, phones[0]!, '李四', '汇泉路'])
      expect(text).not.toContain(secret);
    expect(row!.id_number_enc).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
    expect(row!.id_number_bidx).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  // The reviewer's reveal of these values: test/reveal.e2e-spec.ts (scoped to a claim in review).
});
