/**
 * The schema as the editor validates it (never as it is stored): `$id` tags removed (they are for rjsf's
 * field lookup) and each discriminated `oneOf` (the amount formula) rewritten as `if type = x then option x`.
 * A plain `oneOf` failure reports every option's complaints ("does not match fixed", "… percent", …);
 * keyed on the discriminator, only the chosen option's own problems are reported, on their own fields.
 */
export function validationSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(validationSchema);
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) {
    if (k === '$id' || k === 'discriminator' || k === 'oneOf') continue;
    out[k] = validationSchema(v);
  }
  const field = (n.discriminator as { propertyName?: string } | undefined)?.propertyName;
  if (!Array.isArray(n.oneOf)) return out;
  if (!field) {
    out.oneOf = validationSchema(n.oneOf);
    return out;
  }
  const options = n.oneOf as Record<string, unknown>[];
  const valueOf = (o: Record<string, unknown>) =>
    ((o.properties as Record<string, { const?: unknown }> | undefined)?.[field] ?? {}).const;
  out.type = 'object';
  out.required = [...new Set([...((out.required as string[] | undefined) ?? []), field])];
  out.properties = {
    ...((out.properties as object | undefined) ?? {}),
    [field]: { enum: options.map(valueOf) },
  };
  out.allOf = options.map((o) => ({
    if: { properties: { [field]: { const: valueOf(o) } }, required: [field] },
    then: validationSchema(o),
  }));
  return out;
}

/** Keywords whose error only says a child failed (the child's own error says what is wrong). */
export const WRAPPER_KEYWORDS: ReadonlySet<string> = new Set([
  'properties',
  'items',
  '$ref',
  'allOf',
  'additionalProperties',
  'if',
  'then',
  'definitions',
]);
