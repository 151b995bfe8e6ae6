// The config's timeFormat in the lists: relative wording, or moments in local time or ISO 8601 UTC,
// in the CREATED cells, the STATUS text, and column widths that fit them.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {absoluteTime, createdText, timeWidth} from '../../source/state/core/time-format.js';
import {statusText} from '../../source/state/containers/status.js';
import {containerColumns} from '../../source/state/containers/columns.js';
import {resourceCells, resourceColumns} from '../../source/state/resources/resource-columns.js';
import type {Image} from '../../source/state/resources/resources.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

// A zone half an hour off UTC, so "local" cannot pass by being UTC; each test file runs in its own process.
process.env['TZ'] = 'Asia/Kolkata';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('absoluteTime', () => {
	it('"local" is the date and minute in the local zone', () => {
		assert.equal(absoluteTime(NOW, 'local'), '2026-01-15 17:30');
		assert.equal(absoluteTime(NOW + 9 * HOUR + 5 * MINUTE, 'local'), '2026-01-16 02:35');
	});

	it('"iso" is ISO 8601 in UTC, to the second', () => {
		assert.equal(absoluteTime(NOW + 9_500, 'iso'), '2026-01-15T12:00:09Z');
	});

	it('fits the width the columns give it', () => {
		assert.equal(absoluteTime(NOW, 'local').length, timeWidth('local'));
		assert.equal(absoluteTime(NOW, 'iso').length, timeWidth('iso'));
	});
});

describe('createdText', () => {
	it('relative is the compact "ago" wording; local and iso are the moment', () => {
		assert.equal(createdText(NOW - 3 * HOUR, NOW, 'relative'), '3h ago');
		assert.equal(createdText(NOW - 3 * HOUR, NOW, 'local'), '2026-01-15 14:30');
		assert.equal(createdText(NOW - 3 * HOUR, NOW, 'iso'), '2026-01-15T09:00:00Z');
	});
});

describe('statusText with absolute times', () => {
	const cases: ReadonlyArray<[Parameters<typeof makeContainer>[0], string, string]> = [
		[{state: 'running', startedAt: NOW - 3 * MINUTE}, 'Up since 2026-01-15 17:27', 'Up since 2026-01-15T11:57:00Z'],
		[
			{state: 'running', startedAt: NOW - 3 * MINUTE, health: 'healthy'},
			'Up since 2026-01-15 17:27 (healthy)',
			'Up since 2026-01-15T11:57:00Z (healthy)',
		],
		[{state: 'paused', startedAt: NOW - HOUR}, 'Up since 2026-01-15 16:30 (Paused)', 'Up since 2026-01-15T11:00:00Z (Paused)'],
		[
			{state: 'exited', exitCode: 137, finishedAt: NOW - 2 * HOUR},
			'Exited (137) 2026-01-15 15:30',
			'Exited (137) 2026-01-15T10:00:00Z',
		],
		[{state: 'restarting', exitCode: 1, finishedAt: undefined}, 'Restarting (1)', 'Restarting (1)'],
		[{state: 'exited', exitCode: 0, finishedAt: undefined}, 'Exited (0)', 'Exited (0)'],
		[{state: 'created', startedAt: undefined}, 'Created', 'Created'],
	];
	for (const [overrides, local, iso] of cases) {
		it(`"${local}" / "${iso}"`, () => {
			assert.equal(statusText(makeContainer(overrides), NOW, 'local'), local);
			assert.equal(statusText(makeContainer(overrides), NOW, 'iso'), iso);
		});
	}

	it('relative stays the docker CLI wording', () => {
		assert.equal(statusText(makeContainer({state: 'running', startedAt: NOW - 3 * MINUTE}), NOW, 'relative'), 'Up 3 minutes');
	});
});

describe('columns for absolute times', () => {
	it('the containers table still fills the width, with CREATED and "Exited (137) <time>" whole from 100 columns', () => {
		for (const format of ['local', 'iso'] as const) {
			for (const width of [80, 100, 160]) {
				// NAME is the last column to shrink, so what else fits depends on the names: these are 16 wide.
				const columns = containerColumns(width, format, {nameWidth: 16});
				const used = 2 + columns.reduce((sum, column) => sum + column.width, 0) + columns.length - 1;
				assert.equal(used, width, `${format} at ${width} columns`);
				const widthOf = (key: string) => columns.find((column) => column.key === key)!.width;
				// Below 100 columns the wide times give way first (columns.test.ts): CREATED may go.
				if (width < 100) continue;
				assert.equal(widthOf('created'), timeWidth(format));
				assert.ok(widthOf('status') >= `Exited (137) ${absoluteTime(NOW, format)}`.length, `${format} status at ${width}`);
			}
		}
	});

	it('the images table widens CREATED to the moment and shows it', () => {
		const image: Image = {
			key: 'sha256:0123456789abcdef web:1',
			id: 'sha256:0123456789abcdef',
			dangling: false,
			reference: 'web:1',
			tagCount: 1,
			size: 1_000_000,
			createdAt: NOW - 2 * HOUR,
			usedBy: [],
		};
		const titles = resourceColumns('images', 120, 'iso');
		assert.equal(titles.find((column) => column.title === 'CREATED')!.width, timeWidth('iso'));
		assert.equal(resourceCells('images', image, NOW, 'iso')[3], '2026-01-15T10:00:00Z');
		assert.equal(resourceCells('images', image, NOW)[3], '2h ago');
	});
});
