// The screenshot renderer (scripts/terminal-svg.ts): what a headless xterm holds after real escape
// sequences comes out as SVG with the same characters, colours and attributes, on the same grid.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import xterm from '@xterm/headless';
import {terminalSvg} from '../../scripts/terminal-svg.js';

const {Terminal} = xterm;

async function render(output: string, cols = 20, rows = 3): Promise<string> {
	const terminal = new Terminal({cols, rows, allowProposedApi: true});
	await new Promise<void>((resolve) => terminal.write(output, resolve));
	const svg = terminalSvg(terminal, {title: 'test'});
	terminal.dispose();
	return svg;
}

/** Each <text> element's fill, other attributes and content. */
function texts(svg: string): Array<{attributes: string; text: string}> {
	return [
		...svg.matchAll(/<text x="[\d.]+" y="\d+" textLength="[\d.]+" lengthAdjust="spacingAndGlyphs" ([^>]*)>([^<]*)<\/text>/g),
	].map((match) => ({attributes: match[1]!, text: match[2]!}));
}

describe('terminalSvg', () => {
	it('draws the text of each row at its cell position', async () => {
		const svg = await render('hello\r\n  world');
		const rows = texts(svg);
		assert.ok(rows.some((row) => row.text.startsWith('hello')));
		// Row two starts one line (18 px) below row one, its leading spaces kept so the text stays on its cells.
		assert.match(svg, /<text x="14.0" y="57" textLength="168.0"[^>]*>hello {15}<\/text>/);
		assert.match(svg, /<text x="14.0" y="75" textLength="168.0"[^>]*> {2}world {13}<\/text>/);
	});

	it('maps the 16 ANSI colours, the 256-colour palette and RGB to their hex values', async () => {
		const svg = await render(
			'\u001B[31mred\u001B[0m \u001B[38;5;196mcube\u001B[0m \u001B[38;5;244mgrey\u001B[0m \u001B[38;2;1;2;3mrgb',
		);
		const fills = new Map(texts(svg).map(({attributes, text}) => [text.trim(), /fill="(#[\da-f]{6})"/.exec(attributes)?.[1]]));
		assert.equal(fills.get('red'), '#cd3131');
		assert.equal(fills.get('cube'), '#ff0000');
		assert.equal(fills.get('grey'), '#808080');
		assert.equal(fills.get('rgb'), '#010203');
	});

	it('swaps colours for inverse text and paints its background', async () => {
		const svg = await render('\u001B[7mselected\u001B[0m');
		assert.match(svg, /<rect x="14.0" y="\d+" width="67.2" height="18" fill="#cccccc"\/>/);
		assert.ok(texts(svg).some(({attributes, text}) => text === 'selected' && attributes.includes('fill="#1e1e1e"')));
	});

	it('keeps bold and dims faint text towards the background', async () => {
		const svg = await render('\u001B[1mbold\u001B[0m \u001B[2mfaint');
		const rows = texts(svg);
		assert.ok(rows.some(({attributes, text}) => text === 'bold' && attributes.includes('font-weight="bold"')));
		const faint = rows.find(({text}) => text.trim() === 'faint');
		assert.ok(faint && !faint.attributes.includes('#cccccc'), 'faint text is not drawn at full strength');
	});

	it('draws block elements as rectangles that fill their share of the cell', async () => {
		const svg = await render('\u001B[32m▁█▌');
		assert.match(svg, /<rect x="14.0" y="[\d.]+" width="8.4" height="2.3" fill="#0dbc79"\/>/, 'a one-eighth bar');
		assert.match(svg, /<rect x="22.4" y="[\d.]+" width="8.4" height="18.0" fill="#0dbc79"\/>/, 'a full block');
		assert.match(svg, /<rect x="30.8" y="[\d.]+" width="4.2" height="18.0" fill="#0dbc79"\/>/, 'a left half');
		assert.ok(!texts(svg).some(({text}) => /[▁█▌]/.test(text)), 'no block glyph left to the font');
	});

	it('gives a wide character two cells and escapes markup', async () => {
		const svg = await render('漢<&>');
		assert.match(svg, /textLength="16.8"[^>]*>漢<\/text>/);
		assert.ok(svg.includes('&lt;&amp;&gt;'));
	});
});
