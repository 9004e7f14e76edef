export * from './types';
export { ProgramDefinitionError } from './definition-error';
export { loadProgramDefinition, programDefinitionSchema } from './schema';
export { checkDefinitionSemantics } from './semantics';
export { programCatalogue, getCatalogueProgram, type CatalogueProgramCode } from './catalogue';
export * from './pause';
