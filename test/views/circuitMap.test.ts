import fc from 'fast-check';
import { analyse } from '../../src/domain/analyse';
import type { Analysis } from '../../src/domain/model';
import { circuitOf } from '../../src/views/circuit';
import { assignLanes, layoutCircuit, linkState, stepState, wrap, type CircuitMap, type MapArrow, type MapNode } from '../../src/views/circuitMap';
import { cartographieOf, randomCartographie } from '../support/cartographie';
import { demoAnalysis } from '../taskpane/analyses';

const PUI = 'CIRCUIT A LA PUI';
const BLOC = 'CIRCUIT AU BLOC OPERATOIRE';
const DELIVRANCE = 'Délivrance au service utilisateur';
const RECEPTION_BLOC = 'Réception au bloc, stock de proximité';
const POSE = 'Pose du DMI (ou échec de pose et motif)';
const ARMOIRE = 'Armoire connectée';
const PORTAIL = 'Portail fournisseur';

/**
 * A few rows written by hand (sheet rows 2 to 11, answers in column H): one catalogue transition
 * in rupture (its OUI is incoherent: the bloc's reception is on paper), and a step and transitions
 * the establishment added, one of them towards a step named only in « Vers l'étape ».
 */
function handAnalysis(): Analysis {
  const interop = (step: string, to: string, label: string, answer: string) => ({ zone: step === DELIVRANCE ? PUI : BLOC, step, type: 'Interopérabilité', label, to, answer });
  return analyse(
    cartographieOf([
      { zone: PUI, step: DELIVRANCE, type: 'Informatisation', label: 'Étape informatisée ?', answer: 'OUI', comment: 'PharmaDMI' },
      { zone: BLOC, step: RECEPTION_BLOC, type: 'Informatisation', label: 'Étape informatisée ?', answer: 'NON' },
      interop(DELIVRANCE, RECEPTION_BLOC, 'Lot transmis', 'OUI'),
      interop(DELIVRANCE, RECEPTION_BLOC, 'IUD transmis', 'NON'),
      { zone: BLOC, step: ARMOIRE, type: 'Informatisation', label: 'Étape informatisée ?', answer: 'OUI', comment: 'ArmoireSoft' },
      { zone: BLOC, step: ARMOIRE, type: 'Lecteur', label: 'Lecteur ?', answer: 'OUI' },
      interop(ARMOIRE, POSE, 'Lot', 'NA'),
      interop(ARMOIRE, PORTAIL, 'Commande', 'OUI'),
      interop(ARMOIRE, PORTAIL, 'Stock', 'NON'),
      interop(DELIVRANCE, ARMOIRE, 'Lot', 'OUI'),
    ]),
  );
}

function node(map: CircuitMap, label: string): MapNode {
  const found = map.nodes.find((n) => n.label === label);
  if (!found) throw new Error(`pas d'étape « ${label} »`);
  return found;
}

function arrow(map: CircuitMap, from: string, to: string): MapArrow {
  const found = map.arrows.find((a) => a.label === `${from} → ${to}`);
  if (!found) throw new Error(`pas de liaison ${from} → ${to}`);
  return found;
}

describe('states', () => {
  it('reads a step from its Informatisation answer', () => {
    expect(stepState({ informatisation: 'OUI' })).toBe('informatisee');
    expect(stepState({ informatisation: 'NON' })).toBe('papier');
    expect(stepState({ informatisation: 'NA' })).toBe('sans-objet');
    expect(stepState({ informatisation: null })).toBe('non-renseignee');
  });

  it('reads a transition from its effective answers', () => {
    expect(linkState({ oui: 0, non: 0, na: 0 })).toBe('non-evaluable');
    expect(linkState({ oui: 2, non: 0, na: 0 })).toBe('continue');
    expect(linkState({ oui: 1, non: 0, na: 3 })).toBe('continue');
    expect(linkState({ oui: 0, non: 0, na: 2 })).toBe('meme-logiciel');
    expect(linkState({ oui: 0, non: 3, na: 0 })).toBe('rupture');
    expect(linkState({ oui: 1, non: 1, na: 0 })).toBe('partielle');
    expect(linkState({ oui: 0, non: 1, na: 1 })).toBe('partielle');
  });
});

describe('wrap', () => {
  it('cuts at spaces, and splits a word longer than a line', () => {
    expect(wrap('Réception au bloc, stock de proximité', 14)).toEqual(['Réception au', 'bloc, stock de', 'proximité']);
    expect(wrap('Anticonstitutionnellement dit', 10)).toEqual(['Anticonsti', 'tutionnell', 'ement dit']);
    expect(wrap('  ', 10)).toEqual([]);
  });
});

describe('assignLanes', () => {
  it('gives overlapping arcs different lanes, short arcs first', () => {
    // [2,3] and [3,4] share node 3; [0,4] covers both; [1,9] covers everything; [5,6] is free of all but [1,9].
    expect(
      assignLanes([
        { lo: 0, hi: 4 },
        { lo: 2, hi: 3 },
        { lo: 3, hi: 4 },
        { lo: 1, hi: 9 },
        { lo: 5, hi: 6 },
      ]),
    ).toEqual([2, 0, 1, 3, 0]);
  });

  it('never puts two overlapping arcs in one lane', () => {
    const span = fc.tuple(fc.nat(30), fc.nat(30)).map(([a, b]) => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (spans) => {
        const lanes = assignLanes(spans);
        spans.forEach((a, i) =>
          spans.forEach((b, j) => {
            if (i < j && lanes[i] === lanes[j]) expect(a.hi < b.lo || b.hi < a.lo).toBe(true);
          }),
        );
      }),
    );
  });
});

describe('circuit map of hand-written rows', () => {
  const map = layoutCircuit(circuitOf(handAnalysis()), { width: 340, fontSize: 12 });

  it('colours steps by their informatisation, the added step in its zone after the catalogue steps', () => {
    expect(node(map, DELIVRANCE).state).toBe('informatisee');
    expect(node(map, RECEPTION_BLOC).state).toBe('papier');
    expect(node(map, POSE).state).toBe('non-renseignee');
    const armoire = node(map, ARMOIRE);
    expect(armoire.state).toBe('informatisee');
    expect(armoire.equipment.map((l) => l.text).join(' ')).toBe('lecteur\u00A0✓');
    expect(map.nodes.indexOf(armoire)).toBe(map.nodes.indexOf(node(map, 'Déclaration de consommation à la PUI (réassort, dépôts)')) + 1);
    const bloc = map.bands.find((b) => b.label === BLOC);
    expect(armoire.y).toBeGreaterThan(bloc!.y);
    expect(armoire.y + armoire.height).toBeLessThan(bloc!.y + bloc!.height);
  });

  it('draws a step named only in « Vers l’étape », in a last band', () => {
    const portail = node(map, PORTAIL);
    const last = map.bands[map.bands.length - 1];
    expect(last.label).toBe('Autres étapes');
    expect(portail.y).toBeGreaterThan(last.y);
    expect(portail.state).toBe('non-renseignee');
    expect(portail.rows).toEqual([]);
  });

  it('colours transitions by interoperability, an incoherent OUI counted as a rupture', () => {
    const rupture = arrow(map, DELIVRANCE, RECEPTION_BLOC);
    expect(rupture.state).toBe('rupture');
    expect(rupture.rows.map((r) => r.cell)).toEqual(['H4', 'H5']);
    expect(arrow(map, ARMOIRE, POSE).state).toBe('meme-logiciel');
    expect(arrow(map, ARMOIRE, PORTAIL).state).toBe('partielle');
    expect(arrow(map, DELIVRANCE, ARMOIRE).state).toBe('continue');
    expect(arrow(map, POSE, 'Dossier patient, compte rendu opératoire').state).toBe('non-evaluable');
  });

  it('says everything in French: steps, transitions, ruptures and a summary', () => {
    expect(node(map, DELIVRANCE).description).toBe(
      'Étape « Délivrance au service utilisateur » (CIRCUIT A LA PUI) : étape informatisée, logiciel : PharmaDMI. ' +
        '4 lignes dans la cartographie ; Entrée sélectionne la ligne 2 (H2).',
    );
    expect(node(map, ARMOIRE).description).toBe(
      'Étape « Armoire connectée » (CIRCUIT AU BLOC OPERATOIRE) : étape informatisée, logiciel : ArmoireSoft ; lecteur de codes : oui. ' +
        '5 lignes dans la cartographie ; Entrée sélectionne la ligne 6 (H6).',
    );
    expect(arrow(map, DELIVRANCE, RECEPTION_BLOC).description).toBe(
      'Liaison « Délivrance au service utilisateur » → « Réception au bloc, stock de proximité » : rupture, 2 NON sur 2 lignes. ' +
        '2 lignes dans la cartographie ; Entrée sélectionne la ligne 4 (H4).',
    );
    expect(map.ruptures).toEqual([
      '« Délivrance au service utilisateur » → « Réception au bloc, stock de proximité » : rupture, 2 NON sur 2 lignes',
      '« Armoire connectée » → « Portail fournisseur » : rupture partielle, 1 NON, 1 OUI sur 2 lignes',
    ]);
    expect(map.summary).toBe(
      'Carte du circuit : 18 étapes en 7 zones, dont 2 informatisées et 1 non informatisée ; 19 liaisons : ' +
        '1 en rupture, 1 partielle, 1 continue, 1 dans le même logiciel, 15 non évaluables.',
    );
  });
});

/** The numbers of an arc's path: M x0 y0 H x1 Q … x y V y Q cx cy x3 y3 H x4. */
function ends(path: string): { x0: number; y0: number; x: number; y: number } {
  const n = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return { x0: n[0], y0: n[1], x: n[n.length - 1], y: n[n.length - 2] };
}

const analyses: [string, () => Analysis][] = [
  ['the demo establishment', () => demoAnalysis()],
  ['random answers with added rows', () => analyse(randomCartographie(7, 30))],
];

describe.each(analyses)('geometry of %s', (_, make) => {
  const circuit = circuitOf(make());

  it.each([
    [300, 12],
    [340, 12],
    [420, 16],
    [760, 16],
  ])('at %i px, font %i px: nodes stacked inside the width and their bands, arcs from node to node, symbols apart', (width, fontSize) => {
    const map = layoutCircuit(circuit, { width, fontSize });
    expect(map.nodes).toHaveLength(circuit.steps.length);
    expect(map.arrows).toHaveLength(circuit.links.length);

    map.nodes.forEach((n, i) => {
      // Whole words on each line: the type shrank rather than cut a word.
      expect(n.lines.map((l) => l.text).join(' ')).toBe(n.label.split(' ').filter(Boolean).join(' '));
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(width);
      if (i > 0) expect(n.y).toBeGreaterThan(map.nodes[i - 1].y + map.nodes[i - 1].height);
      expect(map.bands.some((b) => b.y < n.y && n.y + n.height < b.y + b.height)).toBe(true);
      for (const line of [...n.lines, ...n.equipment]) expect(line.y).toBeLessThan(n.y + n.height);
    });
    expect(map.height).toBeGreaterThanOrEqual(Math.max(...map.bands.map((b) => b.y + b.height)));

    const byKey = new Map(map.nodes.map((n) => [n.key, n]));
    for (const a of map.arrows) {
      const [from, to] = [byKey.get(a.from)!, byKey.get(a.to)!];
      const { x0, y0, x, y } = ends(a.path);
      expect(x0).toBeCloseTo(from.x + from.width, 0);
      expect(y0).toBeGreaterThan(from.y);
      expect(y0).toBeLessThan(from.y + from.height);
      expect(x).toBeCloseTo(to.x + to.width + 1, 0);
      expect(y).toBeGreaterThan(to.y);
      expect(y).toBeLessThan(to.y + to.height);
      expect(a.symbol.cx + a.symbol.r).toBeLessThanOrEqual(width);
    }
    map.arrows.forEach((a, i) =>
      map.arrows.slice(i + 1).forEach((b) => {
        expect(Math.hypot(a.symbol.cx - b.symbol.cx, a.symbol.cy - b.symbol.cy)).toBeGreaterThanOrEqual(a.symbol.r + b.symbol.r);
      }),
    );
  });

  it('leaves out the equipment lines when asked (print), the map getting shorter', () => {
    const full = layoutCircuit(circuit, { width: 520, fontSize: 7 });
    const short = layoutCircuit(circuit, { width: 520, fontSize: 7, equipment: false });
    expect(full.nodes.some((n) => n.equipment.length > 0)).toBe(true);
    expect(short.nodes.every((n) => n.equipment.length === 0)).toBe(true);
    expect(short.height).toBeLessThan(full.height);
    expect(short.legend.equipment).toBeNull();
  });

  it('keeps the type asked for where words fit, and shrinks it (not below 10 px) in a narrow pane', () => {
    expect(layoutCircuit(circuit, { width: 340, fontSize: 12 }).fontSize).toBe(12);
    expect(layoutCircuit(circuit, { width: 760, fontSize: 16 }).fontSize).toBe(16);
    const narrow = layoutCircuit(circuit, { width: 300, fontSize: 16 }).fontSize;
    expect(narrow).toBeLessThan(16);
    expect(narrow).toBeGreaterThan(12);
    expect(layoutCircuit(circuit, { width: 120, fontSize: 16 }).fontSize).toBe(10);
  });

  it('reaches every step and transition once from the keyboard, each step followed by the transitions leaving it', () => {
    const map = layoutCircuit(circuit, { width: 340, fontSize: 12 });
    const seen = map.focusOrder.map((f) => `${f.kind}:${f.index}`);
    expect(new Set(seen).size).toBe(map.nodes.length + map.arrows.length);
    expect(seen).toHaveLength(map.nodes.length + map.arrows.length);
    let current = '';
    for (const item of map.focusOrder) {
      if (item.kind === 'node') current = map.nodes[item.index].key;
      else expect(map.arrows[item.index].from).toBe(current);
    }
  });
});
