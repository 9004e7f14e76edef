/**
 * Web test data on top of `@huanxin/shared/testing` (the claims, profiles and identifiers every suite
 * shares): the catalogue definition as the API serves it, and a claim as a resident types it into the form.
 */
import {
  getCatalogueProgram,
  type DealerMeView,
  type OrganizationView,
  type ProgramDefinition,
  type ProgramDetail,
} from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import { valuesFromFacts } from '@/features/eligibility/hooks/use-fact-form';

export { NEW_VEHICLE_VIN as NEW_VIN, OLD_VEHICLE_VIN as OLD_VIN } from '@huanxin/shared/testing';

export function carScrap2026(): ProgramDefinition {
  const def = getCatalogueProgram('car-scrap-2026');
  if (!def) throw new Error('car-scrap-2026 missing from the catalogue');
  return def;
}

/** `GET /api/programs/:code` for a catalogue definition: open, with an untouched budget of ¥1,000,000. */
export function programDetailOf(definition: ProgramDefinition): ProgramDetail {
  return {
    code: definition.code,
    title: definition.title,
    kind: definition.kind,
    status: 'open',
    opensOn: definition.opensOn,
    closesOn: definition.closesOn,
    budget: { totalFen: 100_000_000, reservedFen: 0, committedFen: 0, paidFen: 0, remainingFen: 100_000_000 },
    version: definition.version,
    clauses: definition.clauses.map(({ id, title, citation, provenance }) => ({
      id,
      title,
      citation,
      provenance,
    })),
    documents: definition.documents,
    factFields: definition.factFields,
    definition,
  };
}

type FormGroup = Record<string, string | boolean>;

/**
 * The shared fuel-car car-scrap claim as a resident types it (money in yuan, numbers as text): a gasoline
 * car scrapped and replaced by a 1.5 L fuel car of 120,000 yuan.
 */
export const carScrapFormValues = valuesFromFacts(
  carScrap2026().factFields,
  eligibleClaim('carScrapFuel').facts,
) as { oldVehicle: FormGroup; scrap: FormGroup; newVehicle: FormGroup };

/** A retailer organisation as `GET /api/dealer/me` returns it (active, appliance-2026). */
export const dealerOrganization: OrganizationView = {
  id: '0b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a5e',
  name: '章丘明水示例家电城',
  uscc: '91310115MA1K3BTP2B',
  kinds: ['retailer'],
  programs: ['appliance-2026'],
  status: 'active',
  street: 'mingshui',
  statusChangedAt: null,
  contactName: '李经理',
  contactPhoneMasked: '139****6501',
  payoutBankName: '中国工商银行章丘支行',
  payoutAccountName: '章丘明水示例家电城',
  payoutAccountMasked: '**** **** **** 3456',
  createdAt: '2026-12-01T02:00:00.000Z',
};
/** `GET /api/dealer/me` of that organisation's admin user. */
export const dealerMe: DealerMeView = {
  organization: dealerOrganization,
  user: {
    id: 'u',
    username: 'mingshui-shop',
    displayName: '李经理',
    orgAdmin: true,
    disabled: false,
    createdAt: '',
  },
};
