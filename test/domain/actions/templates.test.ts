import { ACTION_TEMPLATES } from '../../../src/domain/actions/templates';
import { isRuleRef, planOrder } from '../../../src/domain/actions/ordering';
import { validateTemplates } from '../validation';

const valid = ACTION_TEMPLATES.find((t) => t.key === 'RUPTURE-PUI-BLOC')!;

describe('action templates', () => {
  it('cover every priority with at least 25 templates', () => {
    expect(ACTION_TEMPLATES.length).toBeGreaterThanOrEqual(25);
    for (const priority of [1, 2, 3, 4]) expect(ACTION_TEMPLATES.some((t) => t.priority === priority)).toBe(true);
  });

  it('hold the SPEC §8 examples at their priority', () => {
    const priorities = Object.fromEntries(ACTION_TEMPLATES.map((t) => [t.key, t.priority]));
    expect(priorities).toMatchObject({
      'INFO-PUI-RECEPTION': 1,
      'INFO-BLOC-POSE': 1,
      'DONNEE-CRITIQUE': 1,
      'RUPTURE-PUI-BLOC': 1,
      'RUPTURE-BLOC-DPI': 1,
      'IUD-RECEPTION-POSE': 1,
      'DOC-PATIENT': 1,
      'RAPPEL-LOT': 1,
      'LECTEUR-PUI-BLOC': 2,
      DEPOTS: 2,
      'FLUX-PMSI': 2,
      'VILLE-DMP': 3,
      COMPLETUDE: 4,
    });
  });

  it('pass the schema and the cross-checks against the catalogue', () => {
    expect(validateTemplates(ACTION_TEMPLATES)).toHaveLength(ACTION_TEMPLATES.length);
  });

  it('reject a step, datum or transition unknown to the catalogue', () => {
    const broken = [
      { ...valid, key: 'A', condition: { kind: 'informatisation', steps: ['radiologie'], answer: 'NON' } },
      { ...valid, key: 'B', condition: { kind: 'donnee', data: ['couleur'] } },
      { ...valid, key: 'C', condition: { kind: 'rupture', transitions: [['pose', 'facturation']] } },
    ];
    expect(() => validateTemplates(broken)).toThrow(
      /étape inconnue radiologie[\s\S]*donnée inconnue couleur[\s\S]*pose>facturation n'est pas une transition/,
    );
  });

  it('reject duplicate keys, unknown placeholders and malformed data', () => {
    expect(() => validateTemplates([valid, valid])).toThrow(/clé en double : RUPTURE-PUI-BLOC/);
    expect(() => validateTemplates([{ ...valid, finding: 'Voir {service}' }])).toThrow(/champ \{service\} inconnu/);
    expect(() => validateTemplates([{ ...valid, priority: 5 }])).toThrow(/Modèles d'actions invalides/);
    expect(() => validateTemplates([{ ...valid, key: 'clé minuscule' }])).toThrow(/majuscules/);
  });

  it('reject a per-transition template without a rupture condition', () => {
    const perTransition = { ...valid, per: 'transition', condition: { kind: 'depot' } };
    expect(() => validateTemplates([perTransition])).toThrow(/par transition/);
  });
});

describe('plan references', () => {
  it('recognise template keys, with or without scope, and nothing else', () => {
    expect(isRuleRef('RUPTURE-PUI-BLOC')).toBe(true);
    expect(isRuleRef('DONNEE-CRITIQUE@pose')).toBe(true);
    expect(isRuleRef('RUPTURE-SANITAIRE@reception-bloc>pose')).toBe(true);
    expect(isRuleRef('')).toBe(false);
    expect(isRuleRef('ACTION-MAISON')).toBe(false);
  });

  it('order references by circuit: an earlier step sorts first', () => {
    expect(planOrder('DONNEE-CRITIQUE@reception-unitaire')!).toBeLessThan(planOrder('DONNEE-CRITIQUE@pose')!);
    expect(planOrder('RUPTURE-SANITAIRE@reception-unitaire>delivrance')!).toBeLessThan(
      planOrder('RUPTURE-SANITAIRE@reception-bloc>pose')!,
    );
    expect(planOrder('INFO-PUI-RECEPTION')!).toBeLessThan(planOrder('INFO-BLOC-POSE')!);
    // Whole-cartographie templates come after every step of their priority.
    expect(planOrder('COMPLETUDE')!).toBeGreaterThan(planOrder('DONNEE-CRITIQUE@ville')!);
  });
});
