// README and docs/ say what the program does: every config example loads with the real loader, the synopsis
// names every flag, and every link to a local file or heading leads somewhere.
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {loadSettings} from '../../source/session/settings.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const documents = ['README.md', ...readdirSync(path.join(root, 'docs')).map((name) => `docs/${name}`)];

/** Fenced json blocks, and whether each is marked as a config file example (a `<!-- config -->` line above it). */
function jsonBlocks(text: string): Array<{config: boolean; body: string}> {
	return [...text.matchAll(/(<!-- config -->\n)?```json\n([\s\S]*?)```/g)].map((match) => ({
		config: match[1] !== undefined,
		body: match[2]!,
	}));
}

/** GitHub's anchor for a heading. */
const anchor = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replaceAll(/[^\p{L}\p{N} -]/gu, '')
		.replaceAll(' ', '-');

const anchors = (text: string) => new Set([...text.matchAll(/^#+ (.*)$/gm)].map((match) => anchor(match[1]!)));

describe('README and docs', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dockpit-readme-'));
	after(() => rmSync(dir, {recursive: true, force: true}));

	it('every config example loads with the real config loader', () => {
		let examples = 0;
		for (const file of documents) {
			for (const block of jsonBlocks(read(file))) {
				assert.ok(block.config, `${file}: a json block not marked <!-- config --> (is it a config example?)`);
				examples++;
				mkdirSync(path.join(dir, 'dockpit'), {recursive: true});
				writeFileSync(path.join(dir, 'dockpit', 'config.json'), block.body);
				const settings = loadSettings({}, {XDG_CONFIG_HOME: dir, LANG: 'en_US.UTF-8'}, '/nonexistent');
				assert.equal(settings.fileFound, true);
				const written = JSON.parse(block.body) as Record<string, unknown>;
				for (const key of Object.keys(written))
					assert.equal(settings.sources[key as keyof typeof settings.sources], settings.file, `${file}: ${key}`);
			}
		}

		assert.ok(examples >= 1, 'README shows a config file');
	});

	it('the synopsis names every flag the command line accepts, -h and -v included', () => {
		const readme = read('README.md');
		const synopsis = /### Command line\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
		const cli = read('cli.tsx');
		const flags = [...cli.matchAll(/^\s{3}(\w+): \{type: '\w+'(?:, shortFlag: '(\w)')?/gm)].map((match) => ({
			long: `--${match[1]!.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
			short: match[2],
		}));
		assert.ok(flags.length >= 10, `found the flags of cli.tsx (${flags.length})`);
		for (const {long, short} of flags) {
			// --color is the default; its negation is the flag people type.
			const named = long === '--color' ? '--no-color' : long;
			assert.ok(synopsis.includes(named) || (short && synopsis.includes(`-${short} `)), `synopsis lacks ${named}`);
			assert.ok(readme.includes(`\`${named}`) || readme.includes(`, ${named}\``), `README does not describe ${named}`);
		}

		for (const flag of ['-h', '--help', '-v', '--version', '--log-lines']) assert.ok(synopsis.includes(flag), flag);
	});

	it('leads with install, the first five minutes and the keys; internals are in docs/', () => {
		const headings = [...read('README.md').matchAll(/^## (.*)$/gm)].map((match) => match[1]);
		assert.deepEqual(headings.slice(0, 3), ['Install', 'The first five minutes', 'Keys']);
		for (const internal of ['Architecture', 'Security notes', 'Running the tests']) {
			assert.ok(!headings.includes(internal), `README still holds ${internal}`);
		}

		// The brief asks README for the performance figures (the bench's table as printed); how they are
		// measured, and what keeps dockpit light, stay in docs/performance.md.
		const performance = /^## Performance\n([\s\S]*?)(?=^## )/m.exec(read('README.md'))?.[1] ?? '';
		assert.match(performance, /docs\/performance\.md/, 'the Performance section links the details');
		assert.ok(performance.split('\n').length < 60, 'the Performance section is the table and a pointer, not the internals');

		const readme = read('README.md');
		assert.ok(!/npm install -g dockpit(\s|$)/.test(readme), 'README offers an install from the registry, where dockpit is not');
		assert.match(readme, /npm ci && npm link/);
		assert.match(readme, /npm pack[\s\S]*npm install -g \.\/dockpit-[\d.]+\.tgz/);
		// Every key, flag and config key is documented here (the brief), so the cap grows with the key table.
		assert.ok(readme.split('\n').length < 600, 'README stays short');
	});

	it('every local link leads to a file and heading that exist', () => {
		for (const file of documents) {
			const text = read(file);
			for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
				if (/^[a-z]+:/.test(target!)) continue;
				const [linked, hash] = target!.split('#');
				const resolved = linked ? path.join(path.dirname(file), linked) : file;
				assert.ok(existsSync(path.join(root, resolved)), `${file}: ${target} does not exist`);
				if (hash && resolved.endsWith('.md')) {
					assert.ok(anchors(read(resolved)).has(hash), `${file}: no heading #${hash} in ${resolved}`);
				}
			}
		}
	});
});
