// Emits the shipped bundle into dist/ (scripts/bundle-options.mjs says what each file is), so start-up
// pays for neither a compiler nor thousands of module look-ups.
import {buildDist} from './bundle-options.mjs';

await buildDist('dist');
