// Cell texts of the containers table: ports as `docker ps` prints them, short ids, and fitting text into a column.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {containerColumns} from '../../source/state/containers/columns.js';
import {fit, formatPorts, shortId} from '../../source/state/core/format.js';

describe('formatPorts', () => {
	it('prints published and exposed ports like docker ps, folding the IPv6 twin', () => {
		assert.equal(
			formatPorts([
				{privatePort: 443, protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
				{privatePort: 53, publicPort: 5353, ip: '127.0.0.1', protocol: 'udp'},
			]),
			'127.0.0.1:5353->53/udp, 0.0.0.0:8080->80/tcp, 443/tcp',
		);
	});

	it('no ports is an empty cell', () => assert.equal(formatPorts([]), ''));
});

describe('shortId', () => {
	it('is the first 12 characters, as docker prints ids', () => {
		assert.equal(shortId('8dfafdbc3a40a9f1c8a1d1f1c87d1e0a'), '8dfafdbc3a40');
	});
});

describe('fit', () => {
	it('pads short text to the width', () => assert.equal(fit('web', 6), 'web   '));
	it('cuts long text with an ellipsis, to exactly the width', () => assert.equal(fit('postgres:16', 6), 'postg…'));
	it('counts characters, not UTF-16 units', () => assert.equal(fit('😀😀😀', 2), '😀…'));
	it('a zero width is empty', () => assert.equal(fit('web', 0), ''));
});

describe('containerColumns', () => {
	it('fill the width exactly, with the marker and one space between columns', () => {
		for (const width of [60, 80, 100, 160, 240]) {
			const columns = containerColumns(width);
			const used = 2 + columns.reduce((sum, column) => sum + column.width, 0) + columns.length - 1;
			assert.equal(used, width, `at ${width} columns`);
		}
	});

	it('show all six from 100 columns (the plans at other widths: columns.test.ts)', () => {
		for (const width of [100, 160, 240]) {
			assert.deepEqual(
				containerColumns(width).map((column) => column.key),
				['name', 'image', 'state', 'status', 'ports', 'created'],
			);
		}
	});

	it('keep the status column wide enough for "Up About an hour (Paused)" on an ordinary terminal', () => {
		const status = containerColumns(100).find((column) => column.key === 'status')!;
		assert.ok(status.width >= 'Up About an hour (Paused)'.length, `status is ${status.width} wide`);
	});
});
