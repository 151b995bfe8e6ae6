// Rewrites README's key table from the key table in code (npm run readme:keys).
import {readFileSync, writeFileSync} from 'node:fs';
import {tsImport} from 'tsx/esm/api';

const {keyTableMarkdown} = await tsImport('../source/state/input/key-text.ts', import.meta.url);
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(
	/<!-- keys:start -->[\s\S]*<!-- keys:end -->/,
	`<!-- keys:start -->\n${keyTableMarkdown()}\n<!-- keys:end -->`,
);
writeFileSync('README.md', next);
