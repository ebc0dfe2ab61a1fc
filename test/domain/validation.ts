/**
 * Schema and cross-reference checks of the static catalogue and action templates, run by the test
 * suite (they are not run at load: zod stays out of the shipped pane). Each check lists every problem.
 */
import { z } from 'zod';
import { CATALOGUE } from '../../src/domain/catalogue';
import { requiredByLaw } from '../../src/domain/catalogue/build';
import { PLACEHOLDERS, simpleConditions, type ActionTemplate, type Condition } from '../../src/domain/actions/schema';
import type { Catalogue } from '../../src/domain/model';
import { normaliseLabel } from '../../src/domain/text';

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
    const critical = datum !== undefined && requiredByLaw(datum, q.step, q.to);
    if (q.critical !== critical) problems.push(`${where} : drapeau critique différent de ce qu'exige la réglementation`);
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

const id = z.string().trim().min(1);

/** Conditions over effective answers; each one selects the rows that reveal the gap. */
const pair = z.tuple([id, id]);
const simpleCondition = z.discriminatedUnion('kind', [
  /** Informatisation rows of these steps with this effective answer. */
  z.object({ kind: z.literal('informatisation'), steps: z.array(id).min(1), answer: z.enum(['OUI', 'NON']) }),
  /** Donnée rows answered NON for these data, at these steps (all steps when absent) except some. */
  z.object({
    kind: z.literal('donnee'),
    data: z.array(id).min(1).optional(),
    exceptData: z.array(id).min(1).optional(),
    steps: z.array(id).min(1).optional(),
    exceptSteps: z.array(id).min(1).optional(),
    critical: z.boolean().optional(),
  }),
  /** Interopérabilité rows answered NON on these transitions, for these data (all when absent). */
  z.object({
    kind: z.literal('rupture'),
    transitions: z.array(pair).min(1).optional(),
    exceptTransitions: z.array(pair).min(1).optional(),
    data: z.array(id).min(1).optional(),
    critical: z.boolean().optional(),
  }),
  /** Lecteur rows answered NON in these zones. */
  z.object({ kind: z.literal('lecteur'), zones: z.array(id).min(1) }),
  /** Dépôt rows answered NON. */
  z.object({ kind: z.literal('depot') }),
  /** Steps with a reader (Lecteur OUI) where IUD-ID or IUD-IP is not recorded (Donnée NON). */
  z.object({ kind: z.literal('lecteur-sans-iud'), critical: z.boolean().optional() }),
  /** Informatisation OUI with no software named in the comment. */
  z.object({ kind: z.literal('logiciel-non-nomme') }),
  /** Rows in one of these states, critical rows only when asked. */
  z.object({
    kind: z.literal('statut'),
    statuses: z.array(z.enum(['empty', 'invalid', 'incoherent'])).min(1),
    critical: z.literal(true).optional(),
  }),
  /** Completeness of the whole cartographie strictly below a share. */
  z.object({ kind: z.literal('completude'), below: z.number().gt(0).lte(1) }),
  /** Overall rupture rate (CAQES R4 item 1.2) at or above a share. */
  z.object({ kind: z.literal('taux-rupture'), atLeast: z.number().gt(0).lte(1) }),
]);

const condition = z.union([simpleCondition, z.object({ kind: z.literal('une-des'), conditions: z.array(simpleCondition).min(2) })]);


const templateSchema = z.object({
  key: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'clé attendue en majuscules, chiffres et tirets'),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  axis: text,
  /** One proposal for the whole template, or one per step / per transition that fired. */
  per: z.enum(['global', 'step', 'transition']),
  condition,
  finding: text,
  action: text,
  actors: text,
  indicator: text,
});

// The schema and the TypeScript type describe the same shape.
const sameShape: (t: z.infer<typeof templateSchema>) => ActionTemplate = (t) => t;
const conditionShape: (c: Condition) => z.infer<typeof condition> = (c) => c;
void sameShape;
void conditionShape;

function checkTemplate(t: ActionTemplate, problems: string[]): void {
  const steps = new Set(CATALOGUE.steps.map((s) => s.id));
  const data = new Set(CATALOGUE.data.map((d) => d.id));
  const zones = new Set(CATALOGUE.zones.map((z) => z.id as string));
  const transitions = new Set(CATALOGUE.transitions.map((tr) => `${tr.from}>${tr.to}`));
  const where = `modèle ${t.key}`;
  for (const c of simpleConditions(t.condition)) {
    if (c.kind === 'informatisation' || c.kind === 'donnee') {
      const named = [...(c.steps ?? []), ...(c.kind === 'donnee' ? (c.exceptSteps ?? []) : [])];
      for (const step of named) if (!steps.has(step)) problems.push(`${where} : étape inconnue ${step}`);
    }
    if (c.kind === 'donnee' || c.kind === 'rupture') {
      const named = [...(c.data ?? []), ...(c.kind === 'donnee' ? (c.exceptData ?? []) : [])];
      for (const datum of named) if (!data.has(datum)) problems.push(`${where} : donnée inconnue ${datum}`);
    }
    if (c.kind === 'rupture') {
      for (const [from, to] of [...(c.transitions ?? []), ...(c.exceptTransitions ?? [])]) {
        if (!transitions.has(`${from}>${to}`)) problems.push(`${where} : ${from}>${to} n'est pas une transition du circuit`);
      }
    }
    if (c.kind === 'lecteur') for (const zone of c.zones) if (!zones.has(zone)) problems.push(`${where} : zone inconnue ${zone}`);
  }
  for (const match of t.finding.matchAll(/\{([^}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1])) problems.push(`${where} : champ {${match[1]}} inconnu dans le constat`);
  }
  if (t.per === 'transition' && !simpleConditions(t.condition).every((c) => c.kind === 'rupture')) {
    problems.push(`${where} : une proposition par transition suppose une condition de rupture`);
  }
}

/** Parses and cross-checks the templates; throws an Error listing every problem. */
export function validateTemplates(input: unknown): ActionTemplate[] {
  const parsed = z.array(templateSchema).safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`);
    throw new Error(`Modèles d'actions invalides :\n- ${lines.join('\n- ')}`);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of parsed.data) {
    if (seen.has(t.key)) problems.push(`clé en double : ${t.key}`);
    seen.add(t.key);
    checkTemplate(t, problems);
  }
  if (problems.length > 0) throw new Error(`Modèles d'actions incohérents :\n- ${problems.join('\n- ')}`);
  return parsed.data as ActionTemplate[];
}
