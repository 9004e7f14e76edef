export * from './types';
export { evaluateEligibility, maxAmountFen, programStatus, type ProgramStatus } from './engine';
export { validateFacts, runFactValidator, FactErrorCode, type FactsValidation } from './facts';
export {
  RULE_OPERATORS,
  STANDARD_OPERATORS,
  DOMAIN_OPERATORS,
  HISTORY_OPERATORS,
  type RuleData,
} from './operators';
export {
  checkRule,
  collectVarPaths,
  readsHistory,
  RESERVED_PATHS,
  RESERVED_ROOTS,
  HISTORY_WHERE_FIELDS,
  type RuleIssue,
} from './rules';
