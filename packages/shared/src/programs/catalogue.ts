/**
 * The program catalogue from programs.md, as data (one JSON file per program, version 1). Each file is
 * validated by `loadProgramDefinition` in the tests and by the server's seed; this module does not import
 * ajv, so a browser bundle can use the catalogue for instant pre-checks.
 */
import appliance2025 from './catalogue/appliance-2025.json';
import appliance2026 from './catalogue/appliance-2026.json';
import carReplace2025 from './catalogue/car-replace-2025.json';
import carReplace2026 from './catalogue/car-replace-2026.json';
import carScrap2025 from './catalogue/car-scrap-2025.json';
import carScrap2026 from './catalogue/car-scrap-2026.json';
import digital2026 from './catalogue/digital-2026.json';
import ebike2026 from './catalogue/ebike-2026.json';
import elderlyHousehold from './catalogue/elderly-household-retrofit.json';
import elderlyRetrofit2026 from './catalogue/elderly-retrofit-2026.json';
import homeRenovation2026 from './catalogue/home-renovation-2026.json';
import jinanGasolineScrap from './catalogue/jinan-gasoline-scrap.json';
import type { ProgramDefinition } from './types';

export const programCatalogue: readonly ProgramDefinition[] = Object.freeze([
  carScrap2025,
  carReplace2025,
  carScrap2026,
  carReplace2026,
  jinanGasolineScrap,
  appliance2025,
  appliance2026,
  digital2026,
  homeRenovation2026,
  elderlyRetrofit2026,
  elderlyHousehold,
  ebike2026,
] as unknown as ProgramDefinition[]);

export type CatalogueProgramCode =
  | 'car-scrap-2025'
  | 'car-replace-2025'
  | 'car-scrap-2026'
  | 'car-replace-2026'
  | 'jinan-gasoline-scrap'
  | 'appliance-2025'
  | 'appliance-2026'
  | 'digital-2026'
  | 'home-renovation-2026'
  | 'elderly-retrofit-2026'
  | 'elderly-household-retrofit'
  | 'ebike-2026';

/** A catalogue program by code, or undefined. */
export function getCatalogueProgram(code: string): ProgramDefinition | undefined {
  return programCatalogue.find((p) => p.code === code);
}
