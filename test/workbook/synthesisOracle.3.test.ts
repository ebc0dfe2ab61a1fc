/** Part 3 of the generated cartographies evaluated by HyperFormula (synthesisOracle.ts). */
import { agreeOnGeneratedCartographies } from './synthesisOracle';

agreeOnGeneratedCartographies(3);
