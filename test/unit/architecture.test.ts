// The Architecture tree (docs/architecture.md, linked from README) and the folders of source/ must agree, and
// every folder says what it owns.
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every folder below source/, as "docker/connect". */
function folders(dir = 'source', prefix = ''): string[] {
	return readdirSync(path.join(root, dir), {withFileTypes: true})
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) => {
			const name = `${prefix}${entry.name}`;
			return [name, ...folders(path.join(dir, entry.name), `${name}/`)];
		});
}

/** The folders the architecture tree names, nesting read from the indentation. */
function treeFolders(): string[] {
	const section = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
	const tree = /```\nsource\/\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
	const stack: string[] = [];
	return tree
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const depth = (line.length - line.trimStart().length) / 2 - 1;
			const name = line.trim().split(/\s+/)[0]!.replace(/\/$/, '');
			stack.length = depth;
			stack.push(name);
			return stack.join('/');
		});
}

describe('architecture', () => {
	it('README links the architecture document', () => {
		assert.match(readFileSync(path.join(root, 'README.md'), 'utf8'), /\]\(docs\/architecture\.md\)/);
	});

	it("docs/architecture.md's tree lists exactly the folders of source/", () => {
		assert.deepEqual(treeFolders().sort(), folders().sort());
	});

	it('every folder of source/ has a README.md that says what it owns', () => {
		for (const folder of ['', ...folders()]) {
			const file = path.join(root, 'source', folder, 'README.md');
			assert.ok(existsSync(file), `${file} is missing`);
			assert.ok(readFileSync(file, 'utf8').split('\n').length >= 2, `${file} says nothing`);
		}
	});
});
