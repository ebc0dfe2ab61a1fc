/** Schema and cross-reference checks of the catalogue: inconsistent data fails at load with every problem listed. */
import { z } from 'zod';
import type { Catalogue } from '../model';
import { normaliseLabel } from '../text';

const zoneId = z.enum(['fournisseurs', 'pui', 'bloc', 'patient', 'financier', 'ville']);
const traceability = z.enum(['sanitaire', 'financiere', 'both']);
const questionType = z.enum(['Informatisation', 'Donnée', 'Lecteur', 'Dépôt', 'Interopérabilité']);
const text = z.string().trim().min(1);

const catalogueSchema = z.object({
  zones: z.array(z.object({ id: zoneId, label: text, order: z.number().int() })).min(1),
  steps: z.array(
    z.object({ id: text, zone: zoneId, label: text, traceability, software: z.string(), order: z.number().int() }),
  ),
  data: z.array(z.object({ id: text, label: text, source: text.optional(), critical: z.boolean() })),
  transitions: z.array(z.object({ from: text, to: text, label: text, traceability })),
  questions: z.array(
    z.object({
      ref: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'référence attendue en majuscules, chiffres et tirets'),
      zone: zoneId,
      step: text,
      type: questionType,
      label: text,
      to: text.optional(),
      datum: text.optional(),
      critical: z.boolean(),
      source: text.optional(),
    }),
  ),
});

type Problems = string[];

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}

function checkReferences(c: Catalogue, problems: Problems): void {
  const zones = new Set(c.zones.map((z) => z.id));
  const steps = new Map(c.steps.map((s) => [s.id, s]));
  const data = new Map(c.data.map((d) => [d.id, d]));
  const transitions = new Set(c.transitions.map((t) => `${t.from}>${t.to}`));
  for (const id of duplicates(c.zones.map((z) => z.id))) problems.push(`zone en double : ${id}`);
  for (const id of duplicates(c.steps.map((s) => s.id))) problems.push(`étape en double : ${id}`);
  for (const id of duplicates(c.data.map((d) => d.id))) problems.push(`donnée en double : ${id}`);
  for (const key of duplicates(c.transitions.map((t) => `${t.from}>${t.to}`))) problems.push(`transition en double : ${key}`);
  for (const ref of duplicates(c.questions.map((q) => q.ref))) problems.push(`référence en double : ${ref}`);
  for (const s of c.steps) if (!zones.has(s.zone)) problems.push(`étape ${s.id} : zone inconnue ${s.zone}`);
  for (const t of c.transitions) {
    for (const end of [t.from, t.to]) if (!steps.has(end)) problems.push(`transition ${t.from}>${t.to} : étape inconnue ${end}`);
  }
  for (const q of c.questions) {
    const where = `question ${q.ref}`;
    const step = steps.get(q.step);
    if (!step) problems.push(`${where} : étape inconnue ${q.step}`);
    else if (step.zone !== q.zone) problems.push(`${where} : zone ${q.zone} différente de celle de l'étape (${step.zone})`);
    const datum = q.datum === undefined ? undefined : data.get(q.datum);
    if (q.datum !== undefined && !datum) problems.push(`${where} : donnée inconnue ${q.datum}`);
    if ((q.type === 'Donnée' || q.type === 'Interopérabilité') && q.datum === undefined) problems.push(`${where} : donnée manquante`);
    if (q.type === 'Interopérabilité') {
      if (q.to === undefined) problems.push(`${where} : Interopérabilité sans étape de destination`);
      else if (!transitions.has(`${q.step}>${q.to}`)) problems.push(`${where} : ${q.step}>${q.to} n'est pas une transition du circuit`);
    } else if (q.to !== undefined) problems.push(`${where} : seule une ligne Interopérabilité a une étape de destination`);
    if (q.critical !== (datum?.critical ?? false)) problems.push(`${where} : drapeau critique différent de celui de la donnée`);
  }
}

function checkCoverage(c: Catalogue, problems: Problems): void {
  for (const s of c.steps) {
    const count = c.questions.filter((q) => q.step === s.id && q.type === 'Informatisation').length;
    if (count !== 1) problems.push(`étape ${s.id} : ${count} lignes Informatisation au lieu d'une`);
  }
  for (const t of c.transitions) {
    if (!c.questions.some((q) => q.type === 'Interopérabilité' && q.step === t.from && q.to === t.to)) {
      problems.push(`transition ${t.from}>${t.to} : aucune ligne Interopérabilité`);
    }
  }
  const keys = c.questions.map((q) => [q.step, q.type, normaliseLabel(q.label), q.to ?? ''].join('|'));
  for (const key of duplicates(keys)) problems.push(`libellé en double pour la même étape et le même type : ${key}`);
}

/** Parses and cross-checks catalogue data; throws an Error listing every problem. */
export function validateCatalogue(input: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`);
    throw new Error(`Catalogue RESOMEDIT invalide :\n- ${lines.join('\n- ')}`);
  }
  const catalogue = parsed.data as Catalogue;
  const problems: Problems = [];
  checkReferences(catalogue, problems);
  checkCoverage(catalogue, problems);
  if (problems.length > 0) throw new Error(`Catalogue RESOMEDIT incohérent :\n- ${problems.join('\n- ')}`);
  return catalogue;
}
