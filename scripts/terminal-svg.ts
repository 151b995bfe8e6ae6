// Draws a headless xterm's visible screen as an SVG picture, cell by cell from the terminal's own
// buffer (characters, widths, colours, bold, dim, italic, underline, inverse), inside a dark terminal
// window. Used by `npm run screenshots`, so the README's pictures are what the program really drew.
import type {IBufferCell, Terminal} from '@xterm/headless';

/** The 16 ANSI colours as a dark terminal theme shows them (VS Code's dark terminal palette). */
const ansi16 = [
	'#000000',
	'#cd3131',
	'#0dbc79',
	'#e5e510',
	'#2472c8',
	'#bc3fbc',
	'#11a8cd',
	'#e5e5e5',
	'#666666',
	'#f14c4c',
	'#23d18b',
	'#f5f543',
	'#3b8eea',
	'#d670d6',
	'#29b8db',
	'#ffffff',
];
const DEFAULT_FG = '#cccccc';
const DEFAULT_BG = '#1e1e1e';

const hex = (value: number) => `#${value.toString(16).padStart(6, '0')}`;

/** xterm's 256-colour palette: the 16 above, a 6×6×6 cube, then 24 greys. */
function paletteColor(index: number): string {
	if (index < 16) return ansi16[index] ?? DEFAULT_FG;
	if (index < 232) {
		const steps = [0, 95, 135, 175, 215, 255];
		const n = index - 16;
		const [r, g, b] = [Math.floor(n / 36), Math.floor(n / 6) % 6, n % 6].map((step) => steps[step] ?? 0) as [
			number,
			number,
			number,
		];
		return hex((r << 16) | (g << 8) | b);
	}

	const grey = 8 + (index - 232) * 10;
	return hex((grey << 16) | (grey << 8) | grey);
}

type Paint = {readonly fg: string; readonly bg: string | undefined};

/** The colours a cell shows, inverse and dim applied; bg is undefined where the window shows through. */
function paint(cell: IBufferCell): Paint {
	const fgOf = (): string | undefined => {
		if (cell.isFgRGB()) return hex(cell.getFgColor());
		if (cell.isFgPalette()) return paletteColor(cell.getFgColor());
		return undefined;
	};

	const bgOf = (): string | undefined => {
		if (cell.isBgRGB()) return hex(cell.getBgColor());
		if (cell.isBgPalette()) return paletteColor(cell.getBgColor());
		return undefined;
	};

	let fg = fgOf();
	let bg = bgOf();
	if (cell.isInverse()) [fg, bg] = [bg ?? DEFAULT_BG, fg ?? DEFAULT_FG];
	const shown = fg ?? DEFAULT_FG;
	return {fg: cell.isDim() ? mix(shown, bg ?? DEFAULT_BG) : shown, bg};
}

/** Halfway between two colours: how a terminal draws faint (dim) text. */
function mix(a: string, b: string): string {
	const channel = (color: string, shift: number) => (Number.parseInt(color.slice(1), 16) >> shift) & 0xff;
	const mixed = [16, 8, 0].map((shift) => Math.round((channel(a, shift) + channel(b, shift)) / 2));
	return hex((mixed[0]! << 16) | (mixed[1]! << 8) | mixed[2]!);
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Block elements as [left, top, width, height] fractions of a cell, plus an opacity for the shades.
 * A terminal draws these to fill the cell exactly (sparklines, gutters); a font's glyphs would not line up.
 */
const blocks: Record<string, readonly [number, number, number, number, number?]> = {
	'▀': [0, 0, 1, 1 / 2],
	'▔': [0, 0, 1, 1 / 8],
	'▕': [7 / 8, 0, 1 / 8, 1],
	'▐': [1 / 2, 0, 1 / 2, 1],
	'░': [0, 0, 1, 1, 0.25],
	'▒': [0, 0, 1, 1, 0.5],
	'▓': [0, 0, 1, 1, 0.75],
};
for (let eighths = 1; eighths <= 8; eighths++) {
	blocks[String.fromCodePoint(0x2580 + eighths)] = [0, 1 - eighths / 8, 1, eighths / 8]; // ▁ … █
	if (eighths < 8) blocks[String.fromCodePoint(0x2590 - eighths)] = [0, 0, eighths / 8, 1]; // ▏ … ▉
}

type Run = {x: number; cells: number; text: string; style: string; bg: string | undefined};

export type SvgOptions = {
	/** Shown in the window's title bar. */
	readonly title: string;
	/** Draw the cursor as a block (a shell's prompt); a full-screen UI hides it. */
	readonly cursor?: boolean;
};

const FONT_SIZE = 14;
const CELL_W = 8.4;
const CELL_H = 18;
const PAD = 14;
const TITLE_H = 30;

/** The terminal's visible screen as an SVG document. */
export function terminalSvg(terminal: Terminal, {title, cursor = false}: SvgOptions): string {
	const buffer = terminal.buffer.active;
	const width = Math.ceil(terminal.cols * CELL_W + PAD * 2);
	const height = Math.ceil(terminal.rows * CELL_H + PAD * 2 + TITLE_H);
	const backgrounds: string[] = [];
	const shapes: string[] = [];
	const texts: string[] = [];
	const cell = buffer.getNullCell();

	for (let y = 0; y < terminal.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		if (!line) continue;
		const runs: Run[] = [];
		for (let x = 0; x < terminal.cols; x++) {
			line.getCell(x, cell);
			const cellWidth = cell.getWidth();
			if (cellWidth === 0) continue; // The second half of a wide character.
			const {fg, bg} = paint(cell);
			let chars = cell.getChars() || ' ';
			const block = blocks[chars];
			if (block) {
				const [left, top, w, h, opacity = 1] = block;
				shapes.push(
					`<rect x="${(PAD + (x + left) * CELL_W).toFixed(1)}" y="${(TITLE_H + PAD + (y + top) * CELL_H).toFixed(1)}" width="${(w * CELL_W).toFixed(1)}" height="${(h * CELL_H).toFixed(1)}" fill="${fg}"${opacity < 1 ? ` opacity="${opacity}"` : ''}/>`,
				);
				chars = ' ';
			}

			const style = [
				`fill="${fg}"`,
				cell.isBold() ? 'font-weight="bold"' : '',
				cell.isItalic() ? 'font-style="italic"' : '',
				cell.isUnderline() || cell.isStrikethrough()
					? `text-decoration="${[cell.isUnderline() ? 'underline' : '', cell.isStrikethrough() ? 'line-through' : ''].join(' ').trim()}"`
					: '',
				cell.isInvisible() ? 'fill-opacity="0"' : '',
			]
				.filter(Boolean)
				.join(' ');
			const last = runs.at(-1);
			// Wide characters get a run of their own, so every run's text fills exactly its cells.
			if (last && last.style === style && last.bg === bg && cellWidth === 1 && [...last.text].length === last.cells) {
				last.text += chars;
				last.cells += 1;
			} else {
				runs.push({x, cells: cellWidth, text: chars, style, bg});
			}
		}

		const top = TITLE_H + PAD + y * CELL_H;
		for (const run of runs) {
			const left = PAD + run.x * CELL_W;
			if (run.bg) {
				backgrounds.push(
					`<rect x="${left.toFixed(1)}" y="${top}" width="${(run.cells * CELL_W).toFixed(1)}" height="${CELL_H}" fill="${run.bg}"/>`,
				);
			}

			if (run.text.trim() === '' && !run.style.includes('text-decoration')) continue;
			// textLength pins each run to its cells, whatever monospace font the viewer has.
			texts.push(
				`<text x="${left.toFixed(1)}" y="${top + CELL_H - 5}" textLength="${(run.cells * CELL_W).toFixed(1)}" lengthAdjust="spacingAndGlyphs" ${run.style}>${escapeXml(run.text)}</text>`,
			);
		}
	}

	if (cursor && buffer.cursorY < terminal.rows) {
		const left = PAD + buffer.cursorX * CELL_W;
		const top = TITLE_H + PAD + buffer.cursorY * CELL_H;
		backgrounds.push(
			`<rect x="${left.toFixed(1)}" y="${top}" width="${CELL_W}" height="${CELL_H}" fill="${DEFAULT_FG}" opacity="0.7"/>`,
		);
	}

	const dots = ['#ff5f57', '#febc2e', '#28c840'].map(
		(color, index) => `<circle cx="${PAD + 6 + index * 20}" cy="${TITLE_H / 2}" r="6" fill="${color}"/>`,
	);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<title>${escapeXml(title)}</title>`,
		`<rect width="${width}" height="${height}" rx="8" fill="${DEFAULT_BG}"/>`,
		`<rect width="${width}" height="${TITLE_H}" rx="8" fill="#2d2d2d"/>`,
		`<rect y="${TITLE_H - 8}" width="${width}" height="8" fill="#2d2d2d"/>`,
		...dots,
		`<text x="${width / 2}" y="${TITLE_H / 2 + 4}" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#999999">${escapeXml(title)}</text>`,
		`<g shape-rendering="crispEdges">`,
		...backgrounds,
		...shapes,
		'</g>',
		`<g font-family="'DejaVu Sans Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace" font-size="${FONT_SIZE}" xml:space="preserve">`,
		...texts,
		'</g>',
		'</svg>',
		'',
	].join('\n');
}
