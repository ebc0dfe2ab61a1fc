/**
 * Shape of the action templates (SPEC §8). The templates are static data: the test suite checks
 * them against the catalogue (test/domain/validation.ts), nothing is validated at load.
 */

/**
 * Critical rows only (true), non-critical rows only (false), or both (absent): "critical" is what
 * the row's Critique cell shows, the regulatory traceability of SPEC §5.
 */
type Criticality = { critical?: boolean };

/** Conditions over effective answers; each one selects the rows that reveal the gap. */
export type SimpleCondition =
  /** Informatisation rows of these steps with this effective answer. */
  | { kind: 'informatisation'; steps: string[]; answer: 'OUI' | 'NON' }
  /** Donnée rows answered NON for these data (all when absent) except some, at these steps (all when absent) except some. */
  | ({ kind: 'donnee'; data?: string[]; exceptData?: string[]; steps?: string[]; exceptSteps?: string[] } & Criticality)
  /** Interopérabilité rows answered NON on these transitions (all when absent) except some, for these data (all when absent). */
  | ({ kind: 'rupture'; transitions?: [string, string][]; exceptTransitions?: [string, string][]; data?: string[] } & Criticality)
  /** Lecteur rows answered NON in these zones. */
  | { kind: 'lecteur'; zones: string[] }
  /** Dépôt rows answered NON. */
  | { kind: 'depot' }
  /** Steps with a reader (Lecteur OUI) where IUD-ID or IUD-IP is not recorded (Donnée NON). */
  | ({ kind: 'lecteur-sans-iud' } & Criticality)
  /** Informatisation OUI with no software named in the comment. */
  | { kind: 'logiciel-non-nomme' }
  /** Rows in one of these states, critical rows only when asked. */
  | { kind: 'statut'; statuses: ('empty' | 'invalid' | 'incoherent')[]; critical?: true }
  /** Completeness of the whole cartographie strictly below a share. */
  | { kind: 'completude'; below: number }
  /** Overall rupture rate (CAQES R4 item 1.2) at or above a share. */
  | { kind: 'taux-rupture'; atLeast: number };

export type Condition = SimpleCondition | { kind: 'une-des'; conditions: SimpleCondition[] };

/** Placeholders a finding may use; rules.ts fills them from the rows that fired. */
export const PLACEHOLDERS = ['etapes', 'donnees', 'transitions', 'nombre', 'refs', 'taux'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface ActionTemplate {
  /** Stable key, upper case, digits and dashes: the plan matches the user's follow-up by it. */
  key: string;
  priority: 1 | 2 | 3 | 4;
  axis: string;
  /** One proposal for the whole template, or one per step / per transition that fired. */
  per: 'global' | 'step' | 'transition';
  condition: Condition;
  finding: string;
  action: string;
  actors: string;
  indicator: string;
}

export function simpleConditions(c: Condition): SimpleCondition[] {
  return c.kind === 'une-des' ? c.conditions : [c];
}
