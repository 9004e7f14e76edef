/** A program definition failed the JSON Schema or a semantic check. `path` is a JSON pointer to the bad node. */
export class ProgramDefinitionError extends Error {
  readonly code = 'INVALID_PROGRAM_DEFINITION';
  constructor(
    message: string,
    /** JSON pointer, e.g. `/clauses/3/test/and/1/var`. `''` = the whole document. */
    readonly path: string,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'ProgramDefinitionError';
  }
}
