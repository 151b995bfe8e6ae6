// Lint: typescript-eslint's recommended type-aware-free rules, React's hooks rules, no import cycles, and the
// layers of source/ (README, Architecture), so that a breach fails `npm test`.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import {importX} from 'eslint-plugin-import-x';
import {createNodeResolver} from 'eslint-plugin-import-x/node-resolver';

/** Node's own modules, with or without the node: prefix. */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'os', 'path', 'http', 'https', 'net', 'child_process', 'stream', 'crypto'];

const restrict = (...groups) => ['error', {patterns: groups}];
const layer = (group, message) => ({group, message});

const uiLayers = layer(
	['**/components/**', '**/hooks/**', '**/session/**', '**/app/**'],
	'the engine layer returns domain values and events; the session turns them into actions',
);

export default tseslint.config(
	// test/fixtures/lint/ breaks the rules on purpose: `npm run lint` skips it, test/unit/lint-layers.test.ts lints it.
	{ignores: ['dist/', 'dist-sea/', 'node_modules/', 'screenshots/', 'test/fixtures/lint/']},
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
		},
	},
	{
		files: ['cli.tsx', 'source/**/*.{ts,tsx}', 'test/fixtures/lint/**/*.ts'],
		plugins: {'import-x': importX},
		settings: {
			// The rule follows only files it can parse: TypeScript ones, through typescript-eslint's parser.
			'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
			'import-x/parsers': {'@typescript-eslint/parser': ['.ts', '.tsx']},
			// Sources import './x.js' for './x.ts' (NodeNext); resolve the way tsc does.
			'import-x/resolver-next': [
				createNodeResolver({
					extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
					extensionAlias: {'.js': ['.ts', '.tsx', '.js']},
				}),
			],
		},
		rules: {'import-x/no-cycle': ['error', {ignoreExternal: true}]},
	},
	{
		// Pure TypeScript: reducers, selectors, formatting, the key table. No I/O, no React, no engine.
		files: ['source/state/**/*.ts'],
		rules: {
			'no-restricted-imports': restrict(
				layer(['**/docker/**', 'dockerode', 'docker-modem', 'ssh2'], 'state/ is pure: the engine is reached through the session'),
				layer(['react', 'ink', 'ink-*', '@alcalzone/*', '**/components/**', '**/hooks/**'], 'state/ renders nothing'),
				layer(['**/session/**', '**/app/**'], 'state/ is imported by the session and the app, never the other way'),
				layer(nodeBuiltins, 'state/ does no I/O: pass time, files and timers in from the session'),
			),
		},
	},
	{
		// Components and hooks render state and send intents; the engine is the session's business.
		files: ['source/components/**/*.{ts,tsx}', 'source/hooks/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': restrict(
				layer(['**/docker/**', 'dockerode', 'docker-modem', 'ssh2'], 'components and hooks reach the engine through the session'),
			),
		},
	},
	{
		// The engine layer: the Engine API in, domain values and events out.
		files: ['source/docker/**/*.ts'],
		rules: {
			'no-restricted-imports': restrict(
				uiLayers,
				layer(['react', 'ink', 'ink-*', '@alcalzone/*'], 'the engine layer renders nothing'),
				layer(
					[
						'**/state/core/app.js',
						'**/state/core/ui.js',
						'**/state/core/messages.js',
						'**/state/input/**',
						'**/state/**/*-input.js',
						'**/state/**/*-dialogs.js',
						'**/state/contexts/**',
						'**/state/containers/containers.js',
						'**/state/logs/logs.js',
						'**/state/resources/resources.js',
						'**/state/details/details.js',
					],
					'the engine layer may use domain types (model, log lines, resource types…), never a UI action, dialog or reducer',
				),
			),
		},
	},
);
