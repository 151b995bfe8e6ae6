// A frame that changes one row writes only that row's line: the containers table rendered by Ink to a
// fake terminal through dashboardStdout (the stream dockpit gives Ink), with every write counted.
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import stripAnsi from 'strip-ansi';
import {colorMapFor} from '../../source/state/settings/theme.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

// Under CI Ink draws only a final frame; a terminal is never a CI log (cli.tsx forgets the same variables).
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
// Ink reads them once, when it loads: so Ink, and every module that imports it, is imported only now.
const {render} = await import('ink');
const {ContainerList} = await import('../../source/components/ContainerList.js');
const {dashboardStdout} = await import('../../source/app/terminal-output.js');

class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 120;
	readonly rows = 45;
	readonly writes: string[] = [];
	write(chunk: string | Uint8Array): boolean {
		this.writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		return true;
	}
}

async function until(what: string, condition: () => boolean): Promise<void> {
	for (let waited = 0; !condition(); waited += 5) {
		if (waited > 5000) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

const keys = createKeyMap();

describe('dashboardStdout', () => {
	it('a frame that changes one row writes only that row’s line, through the output filter', async () => {
		const terminal = new FakeTerminal();
		const {stream} = dashboardStdout(terminal as unknown as NodeJS.WriteStream, {
			colors: colorMapFor('default'),
			ascii: true,
		});
		const rows = Array.from({length: 40}, (_, index) =>
			makeContainer({id: `id-${index}`, name: `box-${String(index).padStart(2, '0')}`, startedAt: NOW - 5 * 60_000}),
		);
		const list = (containers: typeof rows) => (
			<ContainerList
				rows={containers}
				selectedIndex={0}
				height={40}
				width={70}
				now={NOW}
				loaded={true}
				filtered={false}
				keys={keys}
			/>
		);
		const stdin = Object.assign(new PassThrough(), {isTTY: false});
		const instance = render(list(rows), {
			stdout: stream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			patchConsole: false,
			exitOnCtrlC: false,
		});
		const all = () => terminal.writes.join('');
		await until('the first frame', () => all().includes('box-39'));
		const firstFrame = all();
		const before = terminal.writes.length;

		const changed = rows.map((row, index) => (index === 17 ? {...row, name: 'new-17'} : row));
		instance.rerender(list(changed));
		// A name no wider than the widest keeps the columns where they were (a wider one moves them all).
		await until('the changed row', () => all().includes('new-17'));
		const update = terminal.writes.slice(before).join('');
		instance.unmount();

		const text = stripAnsi(update).replaceAll('\r', '');
		assert.equal(text.split('\n').filter((line) => line.trim() !== '').length, 1, `one line written: ${JSON.stringify(text)}`);
		assert.match(text, /new-17/);
		// The output filter ran on it: ASCII mode turns the … of the cut image name into a dot.
		assert.match(text, /dockpit-t\. /);
		assert.doesNotMatch(update, /…/);
		assert.ok(update.length * 10 < firstFrame.length, `${update.length} bytes for one row, ${firstFrame.length} for the frame`);
	});
});
