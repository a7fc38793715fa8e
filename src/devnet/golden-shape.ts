/** Test support: learn JSON shapes (field order, value types, optional fields) from golden Esplora answers and check values against them. */

type Kind = 'null' | 'int' | 'float' | 'string' | 'boolean' | 'array' | 'object';

export interface FieldSchema {
  kinds: Set<Kind>;
  /** Present in every golden example. */
  required: boolean;
  child?: Schema;
}

export interface Schema {
  /** Field names in serialization order. */
  order: string[];
  fields: Map<string, FieldSchema>;
}

function kindOf(v: unknown): Kind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v as Kind;
}

/** Merge the key order of several golden objects; `childOf` names the schema used for nested objects/arrays. */
export function learnSchema(examples: Record<string, unknown>[], drop: string[] = []): Schema {
  const order: string[] = [];
  for (const ex of examples) {
    let last = -1;
    for (const k of Object.keys(ex)) {
      if (drop.includes(k)) continue;
      const at = order.indexOf(k);
      if (at === -1) {
        order.splice(last + 1, 0, k);
        last += 1;
      } else {
        last = at;
      }
    }
  }
  const fields = new Map<string, FieldSchema>();
  for (const k of order) {
    const kinds = new Set<Kind>();
    let count = 0;
    for (const ex of examples) {
      if (!(k in ex)) continue;
      count++;
      kinds.add(kindOf(ex[k]));
    }
    if (kinds.has('float')) kinds.add('int');
    fields.set(k, { kinds, required: count === examples.length });
  }
  return { order, fields };
}

/** Problems found when checking `value` against `schema` (empty when it conforms). */
export function shapeProblems(value: unknown, schema: Schema, path = '$'): string[] {
  if (kindOf(value) !== 'object') return [`${path}: expected object, got ${kindOf(value)}`];
  const obj = value as Record<string, unknown>;
  const problems: string[] = [];
  const keys = Object.keys(obj);
  let prev = -1;
  for (const k of keys) {
    const at = schema.order.indexOf(k);
    if (at === -1) problems.push(`${path}.${k}: field not in golden shape`);
    else if (at < prev) problems.push(`${path}.${k}: out of order`);
    else prev = at;
  }
  for (const [k, f] of schema.fields) {
    if (!(k in obj)) {
      if (f.required) problems.push(`${path}.${k}: missing`);
      continue;
    }
    const kind = kindOf(obj[k]);
    if (!f.kinds.has(kind)) problems.push(`${path}.${k}: ${kind}, golden has ${[...f.kinds].join('|')}`);
    if (f.child && kind === 'object') problems.push(...shapeProblems(obj[k], f.child, `${path}.${k}`));
    if (f.child && kind === 'array') {
      (obj[k] as unknown[]).forEach((el, i) => problems.push(...shapeProblems(el, f.child!, `${path}.${k}[${i}]`)));
    }
  }
  return problems;
}
