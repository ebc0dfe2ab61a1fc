/** The `resomedit-dmi` command line: French help, exit codes 0 / 1 / 2, no stack trace for a user error. */
import { Command, CommanderError, Option } from 'commander';
import { CliError, EXIT } from './errors';
import type { CliIo } from './io';

const VERSION = '1.0.0';

// Each command's module is loaded when the command runs: exceljs and pdfkit alone take a good part
// of a second to load, which every consolidation, and every --help, would otherwise pay.
const commands = {
  analyse: () => import('./commands/analyse'),
  compare: () => import('./commands/compare'),
  consolidate: () => import('./commands/consolidate'),
  init: () => import('./commands/init'),
  report: () => import('./commands/report'),
};

const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Arguments:': 'Arguments :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Global Options:': 'Options globales :',
};

/** Commander's own errors, in French; `name` is the quoted word its message carries. */
function frenchUsageError(error: CommanderError): string {
  const name = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.missingArgument':
      return `argument manquant : ${name}`;
    case 'commander.optionMissingArgument':
      return `l'option ${name} attend une valeur`;
    case 'commander.missingMandatoryOptionValue':
      return `option obligatoire absente : ${name}`;
    case 'commander.unknownOption':
      return `option inconnue : ${name}`;
    case 'commander.unknownCommand':
      return `commande inconnue : ${name}`;
    case 'commander.excessArguments':
      return 'trop d’arguments';
    default:
      return error.message.replace(/^error: /, '');
  }
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('resomedit-dmi');
  program
    .description('Cartographie RESOMEDIT des données informatiques du circuit des DMI : créer, analyser et consolider des classeurs .xlsx.')
    .version(VERSION, '-V, --version', 'affiche la version')
    .helpOption('-h, --help', "affiche l'aide")
    .helpCommand('aide [commande]', "affiche l'aide d'une commande")
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text), outputError: () => undefined })
    .exitOverride()
    .showSuggestionAfterError(false)
    .addHelpText('after', '\nCodes de sortie : 0 succès ; 1 saisies invalides ou incohérentes avec --strict ; 2 erreur d’utilisation ou fichier illisible.');

  program
    .command('init')
    .description('crée un classeur RESOMEDIT vierge (notice, références, cartographie, Synthèse, plan d’action)')
    .argument('<FICHIER.xlsx>', 'classeur à créer')
    .option('--demo', 'remplit la cartographie avec l’établissement de démonstration fictif, puis calcule la Synthèse et le plan')
    .option('--force', 'remplace le fichier s’il existe déjà')
    .action(async (file: string, options) => setExit(await (await commands.init()).initCommand(file, options, io)));

  program
    .command('analyse')
    .description('calcule les taux et liste les saisies à corriger (feuille, cellule, ligne)')
    .argument('<FICHIER.xlsx>', 'classeur à analyser')
    .option('--json', 'résultat en JSON sur la sortie standard')
    .option('--ecrire', 'régénère la Synthèse et met à jour le plan d’action dans le fichier (réponses et colonnes Pilote, Échéance, Statut, Commentaire conservées)')
    .option('--fiche', 'avec --ecrire, écrit aussi la feuille « Fiche de synthèse » (une page A4, à imprimer ou exporter en PDF depuis Excel)')
    .option('--precedent <ANCIEN.xlsx>', 'avec --ecrire, classeur de la campagne précédente : la Synthèse (et la fiche avec --fiche) montrent l’évolution depuis')
    .option('--strict', 'code de sortie 1 si la cartographie contient des saisies invalides ou incohérentes')
    .action(async (file: string, options) => setExit(await (await commands.analyse()).analyseCommand(file, options, io)));

  program
    .command('consolider')
    .description('consolide les classeurs de plusieurs établissements dans un classeur régional')
    .argument('<DOSSIER|FICHIERS...>', 'dossier contenant les classeurs .xlsx, ou liste de fichiers')
    .addOption(new Option('-s, --sortie <REGION.xlsx>', 'classeur régional à écrire').makeOptionMandatory())
    .option('--json', 'résumé en JSON sur la sortie standard (pas de barre de progression)')
    .option('--force', 'remplace le classeur régional (et les fiches) s’ils existent déjà')
    .option('--rapports <DOSSIER>', 'écrit aussi une fiche de synthèse PDF par établissement dans ce dossier')
    .option('--precedent <REGION-ANNEE-1.xlsx>', 'classeur régional de la campagne précédente (écrit par consolider) : ajoute l’évolution par établissement (rapprochés par FINESS) et régionale')
    .action(async (paths: string[], options) => setExit(await (await commands.consolidate()).consolidateCommand(paths, options, io)));

  program
    .command('rapport')
    .description('écrit la fiche de synthèse d’une page (PDF A4) pour la direction et la CME')
    .argument('<FICHIER.xlsx>', 'classeur de l’établissement')
    .addOption(new Option('-s, --sortie <fiche.pdf>', 'fichier PDF à écrire').makeOptionMandatory())
    .option('--force', 'remplace le fichier PDF s’il existe déjà')
    .option('--precedent <ANCIEN.xlsx>', 'classeur de la campagne précédente : la fiche montre l’évolution depuis')
    .action(async (file: string, options) => setExit(await (await commands.report()).reportCommand(file, options, io)));

  program
    .command('comparer')
    .description('compare deux campagnes d’un établissement : évolution des taux, ruptures fermées ou apparues, suivi des actions')
    .argument('<ANCIEN.xlsx>', 'classeur de la campagne précédente')
    .argument('<NOUVEAU.xlsx>', 'classeur de la campagne actuelle')
    .option('--json', 'résultat en JSON sur la sortie standard')
    .action(async (previous: string, current: string, options) => setExit(await (await commands.compare()).compareCommand(previous, current, options, io)));

  return program;
}

/** Runs the command line and returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return EXIT.usage;
      io.err(`Erreur : ${frenchUsageError(error)}. Voir « resomedit-dmi --help ».\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      io.err(`Erreur : ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`Erreur inattendue : ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.RESOMEDIT_DEBUG) io.err(`${(error as Error).stack ?? ''}\n`);
    return EXIT.usage;
  }
}
