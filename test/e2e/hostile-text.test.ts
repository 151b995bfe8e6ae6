// Text a container's author controls stays inert: a container carries an OSC payload (title and
// clipboard) and C1 controls in its command, working dir, a label, an env value and a file name, and the
// user opens Inspect (and its raw JSON), Env and Diff. The raw pty output must hold none of the payload's
// sequences, only their visible placeholders.
import assert from 'node:assert/strict';
import {after, before, docker, engineSuite, it, RUN_LABEL, TEST_IMAGE, uniqueName, waitFor} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {selectContainer, showTab} from '../helpers/dashboard.js';

/** What `printf '\033]0;pwned\007\033]52;c;aGVsbG8=\007'` prints: a new window title, and "hello" on the clipboard. */
const payload = '\u001B]0;pwned\u0007\u001B]52;c;aGVsbG8=\u0007';
/** C1 forms of CSI, OSC and ST, which some terminals obey in UTF-8 too. */
const c1 = '\u009B2J\u009D0;c1pwned\u009C';
/** How the payload looks once sanitised. */
const shown = '␛]0;pwned␇␛]52;c;aGVsbG8=␇';

/**
 * Sequences dockpit itself never writes: OSC, DCS, SOS, PM, APC (ESC ] P X ^ _), a C1 control, a BEL,
 * and the payload's CSI forms. Ink's own CSI (cursor moves, colours, synchronized output) are allowed.
 */
function hostileSequences(raw: string): string[] {
	const found = raw.match(/\u001B[\]PX^_]|[\u0080-\u009F]|\u0007|pwned\u0007/g) ?? [];
	return [...new Set(found)].map((s) => JSON.stringify(s));
}

engineSuite('hostile container text', () => {
	let session: Session;
	const name = uniqueName('hostile');

	before(async () => {
		const container = await docker.createContainer({
			name,
			Image: TEST_IMAGE,
			// The file name for Diff comes from $P; the payload is also the shell's $0, so part of the command.
			Cmd: ['sh', '-c', 'touch "/h$P"; exec sleep 3600', payload],
			WorkingDir: `/w${payload}`,
			Env: [`P=${payload}`],
			Labels: {[RUN_LABEL.key]: RUN_LABEL.value, 'hostile.osc': payload, 'hostile.c1': c1},
			StopTimeout: 1,
		});
		await container.start();
		await waitFor(
			async () => {
				const changes = (await container.changes()) as Array<{Path: string}> | null;
				return changes?.some((change) => change.Path.startsWith('/h\u001B'));
			},
			{what: 'the hostile file name to exist', timeout: 20_000},
		);
		session = await startDockpit({args: ['--filter', `label=${RUN_LABEL.key}=${RUN_LABEL.value}`], cols: 170, rows: 60});
		await session.waitForText(name, {timeout: 20_000});
	});
	after(async () => session?.close());

	it('shows the payload as visible placeholders in Inspect, raw JSON, Env and Diff, and writes none of it', async () => {
		await selectContainer(session, name);
		await session.press('i');
		await showTab(session, 'Inspect');
		await session.waitForText('Labels', {timeout: 15_000});
		// Zoomed, the panel has room for the labels below the other sections.
		await session.press('z');
		const inspect = await session.waitForText('hostile.osc');
		assert.match(inspect, new RegExp(`Command\\s+sh -c touch.*${escape(shown)}`));
		assert.match(inspect, new RegExp(`Working dir\\s+/w${escape(shown)}`));
		assert.match(inspect, new RegExp(`hostile\\.osc\\s+${escape(shown)}`));
		assert.match(inspect, /hostile\.c1\s+\\x9b2J\\x9d0;c1pwned\\x9c/);

		await session.press('J');
		await session.waitForText('"Id":');
		await session.press('J');
		await session.waitForText('Command');

		await showTab(session, 'Env');
		await session.waitForText(`P=${shown}`);
		await showTab(session, 'Diff');
		await session.waitForText(`/h${shown}`);
		await session.press('escape');

		assert.deepEqual(hostileSequences(session.raw()), [], 'no OSC, DCS, SOS, PM, APC, C1 or BEL reached the terminal');
		assert.ok(!session.raw().includes('\u001B[2J\u009B'), 'the payload’s CSI did not reach it either');
	});

	it('keeps log lines, the compose project in the logs title and a daemon error in the status line inert', async () => {
		const logsName = uniqueName('hostile-logs');
		const userName = uniqueName('hostile-user');
		// Log lines with the payload, a clearing CSI, C1 controls as UTF-8 and a colour; a compose project
		// label with the payload (the logs title after p); a user that makes the daemon's start error quote it.
		const logging = await docker.createContainer({
			name: logsName,
			Image: TEST_IMAGE,
			Cmd: [
				'sh',
				'-c',
				String.raw`while :; do printf 'tick %s \033[2Jclr \302\233 2J \302\235 0;c1pwned \302\234 \033[31mred\033[0m\n' "$P"; sleep 1; done`,
			],
			Env: [`P=${payload}`],
			Labels: {[RUN_LABEL.key]: RUN_LABEL.value, 'com.docker.compose.project': `p${payload}`},
			StopTimeout: 1,
		});
		await logging.start();
		await docker.createContainer({
			name: userName,
			Image: TEST_IMAGE,
			Cmd: ['true'],
			User: payload,
			Labels: {[RUN_LABEL.key]: RUN_LABEL.value},
		});

		await selectContainer(session, logsName);
		await session.press('l');
		// The logs pane keeps a line's colours and removes every other sequence and control, text and all.
		await session.waitForText(/tick +clr +2J +red/, {timeout: 20_000});
		await session.press('p');
		await session.waitForText(`project p${shown}`);
		await session.press('p', 'escape');

		await selectContainer(session, userName);
		await session.press('u');
		// The daemon's own message quotes the user it could not find.
		await session.waitForText(`unable to find user ${shown}`, {timeout: 20_000});

		assert.deepEqual(hostileSequences(session.raw()), [], 'no OSC, DCS, SOS, PM, APC, C1 or BEL reached the terminal');
		assert.ok(!session.raw().includes('\u001B[2Jclr'), 'the log line’s clearing CSI did not reach it');
	});
});

function escape(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}
