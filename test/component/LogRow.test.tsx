// One log line as the pane draws it: one text with its colours written in, drawn exactly as a text per part
// would be (the gutter, the container's prefix, the time, the text with its matches lit, a gap row).
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {ReactElement, ReactNode} from 'react';
import {settle} from '../helpers/ink.js';
import type {LogLine} from '../../source/state/logs/log-lines.js';
import type {Range} from '../../source/state/logs/log-search.js';

// Colours are only written when chalk thinks the terminal has them; set that before Ink and chalk load.
process.env['FORCE_COLOR'] = '1';
const {cleanup, render} = await import('ink-testing-library');
const {Text} = await import('ink');
const {LogRow} = await import('../../source/components/LogRow.js');
const {shortTime} = await import('../../source/state/logs/log-lines.js');

afterEach(cleanup);

type Row = {
	line: LogLine;
	prefix?: string;
	prefixColor?: 'cyan' | 'magentaBright';
	timestamps: boolean;
	wrap: boolean;
	ranges: readonly Range[];
	current: boolean;
	colours: boolean;
};

const width = 60;
const ts = '2026-11-23T18:00:01.123000000Z';
const plain: LogLine = {source: 'web', stream: 'stdout', ts, time: Date.parse(ts), text: 'GET /health 200 in 3 ms, needle here'};
const stderr: LogLine = {...plain, stream: 'stderr', text: 'disk full: needle in the haystack'};
const styled: LogLine = {...plain, text: 'ERROR disk full', styled: '\u001B[31mERROR\u001B[0m disk full\u001B[0m'};
const gap: LogLine = {
	...plain,
	text: '31,944 lines skipped 18:00:01.123–18:00:09.877',
	gap: {reason: 'skipped', count: 31_944, from: ts, to: ts},
};

/** The row as it was drawn before it became one text: a <Text> per part, each with its own colours. */
function perPart({line, prefix, prefixColor, timestamps, wrap, ranges, current, colours}: Row): ReactElement {
	const lit = (text: string): ReactNode[] => {
		const pieces: ReactNode[] = [];
		let at = 0;
		for (const [start, end] of ranges) {
			if (start >= text.length) break;
			if (start > at) pieces.push(text.slice(at, start));
			pieces.push(
				<Text key={start} backgroundColor={current ? 'magenta' : 'yellow'} color="black">
					{text.slice(start, Math.min(end, text.length))}
				</Text>,
			);
			at = end;
		}

		if (at < text.length) pieces.push(text.slice(at));
		return pieces;
	};

	if (line.gap) {
		return (
			<Text wrap="truncate-end" color="yellow">
				{current ? <Text color="magenta">▶</Text> : ' '}
				{prefix === undefined ? null : <Text color={prefixColor}>{prefix} │ </Text>}— {line.text} · F fetch —
			</Text>
		);
	}

	const text = line.text.slice(0, wrap ? width * 8 : width);
	const pieces = lit(text);
	const gutter = current ? <Text color="magenta">▶</Text> : line.stream === 'stderr' ? <Text color="red">▌</Text> : ' ';
	return (
		<Text wrap={wrap ? 'wrap' : 'truncate-end'}>
			{gutter}
			{prefix === undefined ? null : <Text color={prefixColor}>{prefix} │ </Text>}
			{timestamps ? <Text dimColor>{shortTime(line, false)} </Text> : null}
			{colours && line.styled && ranges.length === 0 && line.text.length <= width * 8 ? (
				line.styled
			) : line.stream === 'stderr' ? (
				<Text color="red">{pieces}</Text>
			) : (
				pieces
			)}
		</Text>
	);
}

describe('LogRow', () => {
	it('draws the same escapes as a text per part would, for every kind of row', async () => {
		const rows: Row[] = [];
		for (const line of [plain, stderr, styled, gap])
			for (const current of [false, true])
				for (const timestamps of [false, true])
					for (const [prefix, prefixColor] of [
						[undefined, undefined],
						['web ', 'cyan'],
						['db  ', 'magentaBright'],
					] as const)
						for (const ranges of [
							[],
							[[18, 24]],
							[
								[0, 4],
								[30, 200],
							],
						] as Range[][])
							for (const colours of [true, false])
								rows.push({line, current, timestamps, prefix, prefixColor, ranges, colours, wrap: false});
		rows.push({line: plain, current: false, timestamps: true, ranges: [[18, 24]], colours: true, wrap: true});
		let coloured = 0;
		for (const row of rows) {
			const expected = render(perPart(row));
			const actual = render(
				<LogRow
					line={row.line}
					{...(row.prefix === undefined ? {} : {prefix: row.prefix, prefixColor: row.prefixColor})}
					timestamps={row.timestamps}
					dated={false}
					wrap={row.wrap}
					ranges={row.ranges}
					current={row.current}
					width={width}
					colours={row.colours}
					fetchKey="F"
				/>,
			);
			await settle();
			if ((actual.lastFrame() ?? '').includes('\u001B[')) coloured++;
			assert.equal(actual.lastFrame(), expected.lastFrame(), JSON.stringify(row));
			cleanup();
		}

		// Colours are written at all (FORCE_COLOR took), or the comparison above would hold trivially.
		assert.ok(coloured > rows.length / 2, `${coloured} of ${rows.length} rows coloured`);
	});
});
