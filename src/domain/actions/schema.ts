/**
 * Shape of the action templates (SPEC §8) and their checks at load: a template naming a step,
 * datum or transition unknown to the catalogue fails with every problem listed.
 */
import { z } from 'zod';
import { CATALOGUE } from '../catalogue';

const id = z.string().trim().min(1);
const text = z.string().trim().min(1);

/** Conditions over effective answers; each one selects the rows that reveal the gap. */
const simpleCondition = z.discriminatedUnion('kind', [
  /** Informatisation rows of these steps with this effective answer. */
  z.object({ kind: z.literal('informatisation'), steps: z.array(id).min(1), answer: z.enum(['OUI', 'NON']) }),
  /** Donnée rows answered NON for these data, at these steps (all steps when absent) except some. */
  z.object({
    kind: z.literal('donnee'),
    data: z.array(id).min(1),
    steps: z.array(id).min(1).optional(),
    exceptSteps: z.array(id).min(1).optional(),
  }),
  /** Interopérabilité rows answered NON on these transitions, for these data (all when absent). */
  z.object({ kind: z.literal('rupture'), transitions: z.array(z.tuple([id, id])).min(1), data: z.array(id).min(1).optional() }),
  /** Lecteur rows answered NON in these zones. */
  z.object({ kind: z.literal('lecteur'), zones: z.array(id).min(1) }),
  /** Dépôt rows answered NON. */
  z.object({ kind: z.literal('depot') }),
  /** Steps with a reader (Lecteur OUI) where IUD-ID or IUD-IP is not recorded (Donnée NON). */
  z.object({ kind: z.literal('lecteur-sans-iud') }),
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

export type SimpleCondition = z.infer<typeof simpleCondition>;
export type Condition = z.infer<typeof condition>;

/** Placeholders a finding may use; rules.ts fills them from the rows that fired. */
export const PLACEHOLDERS = ['etapes', 'donnees', 'transitions', 'nombre', 'refs', 'taux'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

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

export type ActionTemplate = z.infer<typeof templateSchema>;

function simpleConditions(c: Condition): SimpleCondition[] {
  return c.kind === 'une-des' ? c.conditions : [c];
}

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
      for (const datum of c.data ?? []) if (!data.has(datum)) problems.push(`${where} : donnée inconnue ${datum}`);
    }
    if (c.kind === 'rupture') {
      for (const [from, to] of c.transitions) {
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
  return parsed.data;
}
