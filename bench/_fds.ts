import {readdirSync} from 'node:fs';
import {setTimeout as delay} from 'node:timers/promises';
import {CLI_PATH, startDockpit} from '../test/helpers/pty.js';
const s = await startDockpit({
	command: ['sh', '-c', `node --import /tmp/httplog.mjs ${CLI_PATH} --filter label=dockpit.prof=1 2>/tmp/http.log`],
	args: [],
	cols: 160,
	rows: 45,
});
await s.waitForText('a-flood', {timeout: 30_000});
const count = () => readdirSync(`/proc/${s.pid}/fd`).length;
await delay(3000);
console.log('fds list only', count());
await s.press('l');
await s.waitForText(/flood \d+ the quick/, {timeout: 30_000});
for (let i = 0; i < 6; i++) {
	await delay(1000);
	console.log('fds with logs', count());
}
await s.press('q');
await s.exited;
