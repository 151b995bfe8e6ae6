import {readFileSync, rmSync} from 'node:fs';
import {CLI_PATH, startDockpit} from '../test/helpers/pty.js';
rmSync('/tmp/sprof', {recursive: true, force: true});
const t0 = Date.now();
const session = await startDockpit({command: ['node', '--cpu-prof', '--cpu-prof-dir=/tmp/sprof', CLI_PATH], args: ['--filter', 'label=dockpit.prof=1'], cols: 200, rows: 50, env: {DOCKPIT_TRACE_STARTUP: '/tmp/strace.json'}});
await session.waitForText(/f0\d\d/, {timeout: 30_000});
console.log('seen after', Date.now() - t0, 'ms', readFileSync('/tmp/strace.json', 'utf8'));
await session.press('q'); await session.exited;
