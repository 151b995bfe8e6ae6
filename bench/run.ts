// npm run bench: every benchmark, one after the other, each printing its own figures.
import {existsSync} from 'node:fs';
import {benchContainers} from './containers.js';

const only = process.argv[2];
const optional: ReadonlyArray<[string, string, string]> = [
	['logs', './logs.js', 'benchLogs'],
	['ssh', './ssh.js', 'benchSsh'],
];

if (!only || only === 'containers') await benchContainers();
for (const [name, file, exportName] of optional) {
	if (only && only !== name) continue;
	if (!existsSync(new URL(file.replace(/\.js$/, '.ts'), import.meta.url))) continue;
	const module = (await import(file)) as Record<string, () => Promise<void>>;
	console.log('');
	await module[exportName]!();
}

process.exit(0);
