// Imported first by cli.tsx, so that from the first line of dockpit's own code a SIGTERM, SIGINT or SIGHUP
// ends it quietly, even on a terminal that is already gone (Node's default exit would assert on it).
import {exitOnEndingSignals} from './terminal-gone.js';

/** Removes the start-up handlers; the dashboard installs its own. */
export const releaseStartupSignals = exitOnEndingSignals();
