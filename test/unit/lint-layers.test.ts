// The layers and the no-cycle rule are enforced by `npm run lint` (eslint.config.js): these run ESLint itself
// on code that breaks them, so a config change that stops catching a breach fails here.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {ESLint} from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({cwd: root});

async function messagesFor(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath});
	return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint holds the layers', () => {
	it('refuses the engine, React, Ink, node: modules and the session in state/', async () => {
		const file = 'source/state/core/breach.ts';
		for (const source of [
			"import '../../docker/engine.js';",
			"import 'dockerode';",
			"import 'react';",
			"import 'ink';",
			"import 'node:fs';",
			"import '../../session/session.js';",
			"import '../../components/App.js';",
		]) {
			const messages = await messagesFor(`${source}\n`, file);
			assert.ok(
				messages.some((message) => message.startsWith('no-restricted-imports')),
				`${source} in ${file}: ${messages.join('; ') || 'no message'}`,
			);
		}
	});

	it('refuses the engine in components and hooks', async () => {
		for (const file of ['source/components/Breach.tsx', 'source/hooks/use-breach.ts']) {
			const messages = await messagesFor("import '../docker/engine.js';\n", file);
			assert.ok(
				messages.some((message) => message.startsWith('no-restricted-imports')),
				`${file}: ${messages.join('; ')}`,
			);
		}
	});

	it('refuses UI actions, dialogs and reducers in docker/, and allows domain types', async () => {
		const file = 'source/docker/breach.ts';
		for (const source of [
			"import type {AppAction} from '../state/core/app.js';",
			"import type {ResourceDialog} from '../state/resources/resource-dialogs.js';",
			"import {routeKey} from '../state/input/input.js';",
			"import {logsReducer} from '../state/logs/logs.js';",
			"import '../session/session.js';",
			"import '../components/App.js';",
		]) {
			const messages = await messagesFor(`${source}\n`, file);
			assert.ok(
				messages.some((message) => message.startsWith('no-restricted-imports')),
				`${source}: ${messages.join('; ')}`,
			);
		}

		const allowed = await messagesFor(
			"import type {Container} from '../state/core/model.js';\nexport type Row = Container;\n",
			file,
		);
		assert.deepEqual(
			allowed.filter((message) => message.startsWith('no-restricted-imports')),
			[],
		);
	});

	it('reports two files that import each other', async () => {
		// The fixture folder is in lint's ignores (it breaks the rule on purpose), so lint it with ignores off.
		const unignored = new ESLint({cwd: root, ignore: false});
		const results = await unignored.lintFiles(['test/fixtures/lint/cycle-a.ts']);
		const messages = results.flatMap((result) => result.messages.map((message) => message.ruleId));
		assert.ok(messages.includes('import-x/no-cycle'), `messages: ${messages.join(', ') || 'none'}`);
	});

	it('finds no cycle and no layer breach in source/ as it is', async () => {
		const results = await eslint.lintFiles(['cli.tsx', 'source']);
		const breaches = results.flatMap((result) =>
			result.messages
				.filter((message) => message.ruleId === 'import-x/no-cycle' || message.ruleId === 'no-restricted-imports')
				.map((message) => `${result.filePath}: ${message.message}`),
		);
		assert.deepEqual(breaches, []);
	});
});
