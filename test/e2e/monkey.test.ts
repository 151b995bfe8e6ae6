// A standing guard (issue 12): 30 s of random keys, drawn from the key table plus letters, arrows, Enter and
// Esc, against a labelled fleet that includes a hostile container. It fails on a crash, a stack trace on
// screen, a hostile escape sequence reaching the terminal, a UI that stops answering `?` within 1 s, or a
// terminal not given back on exit. DOCKPIT_MONKEY_SEED=<n> replays a run (its seed is printed).
import assert from 'node:assert/strict';
import {randomInt} from 'node:crypto';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, createContainer, engineSuite, it, uniqueName} from '../helpers/engine.js';
import {CLI_PATH, isAlternateScreen, startDockpit, type Session} from '../helpers/pty.js';
import {waitFor} from '../helpers/wait.js';
import {seededRandom} from '../helpers/fixtures.js';
import {defaultBindings} from '../../source/state/input/keymap.js';

const RUN_MS = 30_000;
const CHECKPOINT_MS = 5000;
const ANSWER_MS = 1000;

/**
 * Never sent: y and f confirm what a dialog would destroy (y, and Y, also copy to the clipboard: that writes
 * OSC 52, dockpit's own OSC, which this guard would read as a hostile sequence; inspect.test.ts covers it), q and Ctrl-C quit, x/X/A/U hand the terminal to a
 * shell or the container's process, and c switches to another engine (the fleet's scope is the guard that
 * keeps start, stop and rename on the monkey's own containers). The makers act outside that scope on the
 * shared engine, so they are not sent either: n (its form can run a container with -it, which takes the
 * terminal, and makes containers without the fleet's label), C, b and t (make images), T (untags an image
 * other suites use), + and - (connect and disconnect any container). test/e2e/making.test.ts covers them.
 */
const NEVER = new Set(['y', 'Y', 'f', 'q', 'ctrl+c', 'x', 'X', 'A', 'U', 'c', 'n', 'C', 'b', 't', 'T', '+', '-']);
const tableKeys = [...new Set(defaultBindings.flatMap((binding) => binding.keys))].filter((key) => !NEVER.has(key));
const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((key) => !NEVER.has(key));
const moves = ['up', 'down', 'left', 'right', 'enter', 'escape'];

/** What `printf '\033]0;pwned\007\033]52;c;aGVsbG8=\007'` prints, a CSI that clears, and C1 CSI/OSC/ST. */
const payload = '\u001B]0;pwned\u0007\u001B]52;c;aGVsbG8=\u0007\u001B[2J\u009B2J\u009D0;c1pwned\u009C';

/** A V8 stack frame ("at fn (/path/file.js:1:2)", "at node:internal/…:1:2") or an error naming a source file. */
const STACK = /\bat [\w$.<>[\] ]*\(?(?:node:|file:\/\/|\/)[^\s)]*:\d+:\d+\)?|Error: .*\.[cm]?[jt]sx?:\d+/;

/** Sequences dockpit never writes itself: OSC, DCS, SOS, PM, APC, a C1 control, a BEL (hostile-text.test.ts). */
const HOSTILE = /\u001B[\]PX^_]|[\u0080-\u009F]|\u0007|pwned\u0007/;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'dockpit-monkey-'));
after(() => {
	rmSync(scratch, {recursive: true, force: true});
});

/** Private modes (CSI ? n h) still set at the end of `raw`: each must have been reset, the cursor shown. */
function modesLeftOn(raw: string): string[] {
	const left: string[] = [];
	const modes = new Set([...raw.matchAll(/\u001B\[\?(\d+)h/g)].map((match) => match[1]!));
	for (const mode of modes) {
		const set = raw.lastIndexOf(`\u001B[?${mode}h`);
		const reset = raw.lastIndexOf(`\u001B[?${mode}l`);
		if (mode === '25' ? reset > set : reset < set) left.push(mode === '25' ? 'cursor hidden' : `?${mode}`);
	}

	return left;
}

engineSuite('monkey', () => {
	it(
		'survives 30 s of random keys on a fleet with a hostile container, answers ? and gives the terminal back',
		{timeout: 180_000},
		async (t) => {
			const seed = process.env['DOCKPIT_MONKEY_SEED'] ? Number(process.env['DOCKPIT_MONKEY_SEED']) : randomInt(2 ** 31);
			const replay = `monkey seed ${seed} (replay: DOCKPIT_MONKEY_SEED=${seed} node scripts/test.mjs test/e2e/monkey.test.ts)`;
			t.diagnostic(replay);
			console.log(replay);
			const next = seededRandom(seed);
			const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

			const fleet = uniqueName('monkey');
			const labels = {'dockpit.monkey': fleet};
			await Promise.all([
				createContainer({name: `${fleet}-web`, labels}),
				createContainer({name: `${fleet}-idle`, labels, start: false}),
				createContainer({
					name: `${fleet}-hostile`,
					labels: {...labels, 'hostile.osc': payload, 'com.docker.compose.project': `p${payload}`},
					env: {P: payload, DATABASE_URL: 'postgres://u:s3cr3t@db/app'},
					// Hostile log lines (OSC, a clearing CSI, C1 bytes, colours) a few times a second, and its own command.
					cmd: [
						'sh',
						'-c',
						String.raw`i=0; while :; do i=$((i+1)); printf 'tick %s \033]0;pwned\007 \033]52;c;aGVsbG8=\007 \033[2J \302\233 2J \302\235 0;c1pwned \302\234 \033[31mred\033[0m %s\n' "$i" "$P"; sleep 0.3; done`,
						payload,
					],
				}),
				createContainer({
					name: `${fleet}-chatty`,
					labels,
					cmd: ['sh', '-c', 'i=0; while :; do i=$((i+1)); echo "chatty line $i"; sleep 0.1; done'],
				}),
			]);

			const stateHome = path.join(scratch, 'state');
			const exitMark = 'MONKEY-EXIT=';
			// Around dockpit, a shell reports its exit code and the terminal's modes once dockpit has given it back.
			const session: Session = await startDockpit({
				command: ['sh', '-c', `"$0" "$@"; code=$?; printf '\\n${exitMark}%s\\n' "$code"; stty -a; sleep 1`, CLI_PATH],
				args: ['--filter', `label=dockpit.monkey=${fleet}`],
				env: {
					XDG_STATE_HOME: stateHome,
					XDG_CONFIG_HOME: path.join(scratch, 'config'),
					DOCKER_CONFIG: path.join(scratch, 'docker'),
				},
				cwd: scratch,
				cols: 120,
				rows: 36,
			});
			const crashFolder = path.join(stateHome, 'dockpit');
			// A crash log names the cause (the screen shows only its first line); the scratch folder goes with the run.
			const crashLogs = () =>
				(existsSync(crashFolder) ? readdirSync(crashFolder) : [])
					.map((file) => `── ${file} ──\n${readFileSync(path.join(crashFolder, file), 'utf8').slice(0, 6000)}`)
					.join('\n');
			const fail = (what: string): never => assert.fail(`${what}\n${replay}\n── screen ──\n${session.screen()}\n${crashLogs()}`);
			let ended = false;
			void session.exited.then(() => {
				ended = true;
			});
			const look = () => {
				if (ended && !session.raw().includes(exitMark)) fail('dockpit exited during the run');
				if (session.raw().includes(exitMark))
					fail(`dockpit ended during the run (${session.raw().split(exitMark)[1]?.split('\n')[0]})`);
				const trace = STACK.exec(session.screen());
				if (trace) fail(`a stack trace on screen: ${trace[0]}`);
			};

			await session.waitForText(`${fleet}-hostile`, {timeout: 30_000});
			const answersHelp = async (when: string) => {
				// Out of any prompt, dialog or pane first; Esc never leaves dockpit.
				await session.press('escape', 'escape', 'escape');
				await session.settled();
				look();
				await session.press('?');
				// From the moment the key is written to the pty.
				const asked = Date.now();
				try {
					await session.waitForText('? or Esc closes', {timeout: ANSWER_MS});
				} catch {
					fail(`? was not answered within ${ANSWER_MS} ms ${when}`);
				}

				t.diagnostic(`? answered in ${Date.now() - asked} ms ${when}`);
				await session.press('escape');
			};

			await answersHelp('at the start');
			const started = Date.now();
			let nextCheckpoint = started + CHECKPOINT_MS;
			let sent = 0;
			while (Date.now() - started < RUN_MS) {
				const draw = next();
				const key = draw < 0.6 ? pick(tableKeys) : draw < 0.85 ? pick(letters) : pick(moves);
				try {
					await session.press(key);
				} catch (error) {
					look();
					throw error;
				}

				sent++;
				look();
				if (Date.now() >= nextCheckpoint) {
					await answersHelp(`after ${sent} keys`);
					nextCheckpoint = Date.now() + CHECKPOINT_MS;
				}
			}

			await answersHelp(`at the end, after ${sent} keys`);
			t.diagnostic(`${sent} random keys in ${Math.round((Date.now() - started) / 1000)} s`);
			const hostile = HOSTILE.exec(session.raw());
			if (hostile) fail(`a hostile sequence reached the terminal: ${JSON.stringify(hostile[0])}`);

			await session.press('q');
			await waitFor(() => /stty|speed/.test(session.raw().split(exitMark)[1] ?? ''), {
				what: 'dockpit to quit and the shell to report the terminal',
				timeout: 15_000,
			});
			await session.settled();
			const [during = '', afterExit = ''] = session.raw().split(exitMark);
			assert.equal(afterExit.split(/\r?\n/)[0], '0', `exit code\n${replay}`);
			assert.deepEqual(modesLeftOn(during), [], `terminal modes left on after q\n${replay}`);
			assert.ok(!isAlternateScreen(session), `still on the alternate screen after q\n${replay}`);
			// Cooked mode again: the line discipline echoes and edits lines (raw mode would show -icanon -echo).
			assert.match(afterExit, /(^|\s)icanon(\s|$)/, `raw mode left on (stty: -icanon)\n${replay}`);
			assert.match(afterExit, /(^|\s)echo(\s|$)/, `echo left off\n${replay}`);
			assert.equal(crashLogs(), '', `no crash log\n${replay}`);
			await session.exited;
		},
	);
});
