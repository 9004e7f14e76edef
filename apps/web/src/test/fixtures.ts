import { getCatalogueProgram, type ProgramDefinition } from '@huanxin/shared';

export function carScrap2026(): ProgramDefinition {
  const def = getCatalogueProgram('car-scrap-2026');
  if (!def) throw new Error('car-scrap-2026 missing from the catalogue');
  return def;
}

/** VINs with correct check digits (computed with the shared computeVinCheckDigit). */
export const OLD_VIN = 'LFV2A21K0G3012345';
export const NEW_VIN = 'LSGGF53W6GH123456';

/** Form values (as a resident types them) for a gasoline car scrapped and replaced by a 1.5 L fuel car. */
export const carScrapFormValues = {
  oldVehicle: {
    vin: OLD_VIN,
    plate: '鲁A12345',
    vehicleType: 'small_passenger',
    fuelType: 'gasoline',
    firstRegisteredOn: '2012-05-01',
    ownerRegisteredOn: '2015-03-01',
  },
  scrap: { certificateNo: 'BF2026000123', scrappedOn: '2026-03-01', deregisteredOn: '2026-03-05' },
  newVehicle: {
    vin: NEW_VIN,
    powertrain: 'fuel',
    displacementL: '1.5',
    priceFen: '120000',
    invoiceNo: '25370000000012345678',
    invoiceDate: '2026-03-10',
    registeredOn: '2026-03-15',
    ownerIsApplicant: true,
  },
};
