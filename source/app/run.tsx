// Runs the dashboard: takes the terminal, renders, connects the live feed after the first frame,
// and gives everything back on every way out.
import {render} from 'ink';
import {App} from '../components/App.js';
import {createSession, type SessionOptions} from '../session/session.js';
import {takeTerminal} from './terminal.js';
import {dashboardStdout, type OutputOptions} from './terminal-output.js';
import {runProcessSession} from './exec-session.js';
import {execResult, execStatus} from '../state/details/exec.js';
import {TimeFormatContext} from '../hooks/use-time-format.js';
import {writeCrashLog} from './crash-log.js';
import {sanitize} from '../state/core/sanitize.js';
import {
	closeHungUpDescriptors,
	endingSignals,
	exitQuietly,
	exitTerminalGone,
	isTerminalGone,
	hungUpDescriptors,
	onTerminalGone,
} from './terminal-gone.js';
import {markStartup} from './startup-trace.js';

const reenterAlternate = '\u001B[?1049h\u001B[H\u001B[2J';

/** The newest output of an exec, up to a byte cap, as text. */
function boundedOutput(cap = 1024 * 1024) {
	const chunks: Buffer[] = [];
	let size = 0;
	return {
		add(data: Buffer) {
			chunks.push(data);
			size += data.length;
			while (size > cap && chunks.length > 1) size -= chunks.shift()!.length;
		},
		text: () => Buffer.concat(chunks).toString('utf8'),
	};
}

/** Resolves with the exit code. */
export async function runDashboard(options: SessionOptions & {readonly output?: OutputOptions}): Promise<number> {
	// Only the lines that changed are written, and theme, NO_COLOR and ASCII are applied to them on their
	// way out (terminal-output.ts, frame-writer.ts).
	const output = dashboardStdout(process.stdout, options.output);
	const stdout = output.stream;
	const session = createSession({
		...options,
		// Beside Ink's frames, straight to the terminal: an OSC moves no cursor, so no frame is disturbed.
		writeTerminal: (data) => {
			if (!handedOver) process.stdout.write(data);
		},
		inTmux: Boolean(process.env['TMUX']),
	});
	const terminal = takeTerminal(process.stdout, process.stdin);
	const tree = (
		<TimeFormatContext.Provider value={options.config?.timeFormat ?? 'relative'}>
			<App session={session} />
		</TimeFormatContext.Provider>
	);
	const mount = () =>
		render(tree, {
			exitOnCtrlC: false,
			patchConsole: true,
			incrementalRendering: false,
			maxFps: 30,
			stdout,
		});
	// Replaced after each exec/attach: the signal and crash paths always unmount the current one.
	let instance = mount();
	markStartup('first frame');
	// Every way out, not only those that know the terminal is gone: a terminal that vanished meanwhile must
	// not reach Node's reset of its modes at exit (exit 139 seen in CI). Added after Ink's own exit hooks,
	// so it runs after their last writes.
	process.on('exit', closeHungUpDescriptors);

	// Ink repaints by erasing the lines it drew last time, which is wrong once the terminal has re-wrapped
	// them; start every resize from a blank screen, before Ink's own handler draws. Not while a shell or
	// attach holds the terminal: its screen is the program's own.
	let handedOver = false;
	// A frame Ink computed for the size before a resize can still be written after it, wrapped by the
	// terminal and scrolling the screen (seen in a storm of resizes). When the resizes stop, paint once
	// more from a blank screen at the size that stayed.
	let repaint: NodeJS.Timeout | undefined;
	let settling = false;
	const resized = () => {
		if (handedOver || settling) return;
		process.stdout.write('\u001B[2J\u001B[H');
		output.reset();
		clearTimeout(repaint);
		repaint = setTimeout(() => {
			if (handedOver) return;
			// Ink writes nothing for a frame equal to its last one (and its clear() remembers that frame), so the
			// last frame is written here, whole, on the cleared screen: a screen that no longer changes, such as
			// "Terminal too small", stayed blank when its frame had been drawn before this clear (CI, under load).
			process.stdout.write(`\u001B[2J\u001B[H${output.repaint(process.stdout.columns, process.stdout.rows)}`);
			// In a storm, the app was seen to keep a size from the middle of it (a footer cut for 66 columns
			// on an 80-column screen): one more resize event makes every reader take the size that stayed.
			settling = true;
			try {
				process.stdout.emit('resize');
			} finally {
				settling = false;
			}

			instance.rerender(tree);
		}, 120);
	};

	process.stdout.prependListener('resize', resized);
	// Resizes that end at the size they started from (a window shrunk and grown back quickly, or a storm of
	// them) bring no 'resize' event: Node reads the size once per signal and sees no change. The terminal
	// has still moved or dropped lines while it was smaller (CI: a storm left the list without its header),
	// so a signal with no event after it draws the screen again all the same.
	let resizeEvents = 0;
	let eventsAtLastSignal = 0;
	process.stdout.on('resize', () => {
		if (!settling) resizeEvents++;
	});
	process.on('SIGWINCH', () => {
		// Node's own handler, which emits 'resize' for a new size, has run by then, whichever came first.
		setImmediate(() => {
			if (resizeEvents === eventsAtLastSignal) resized();
			eventsAtLastSignal = resizeEvents;
		});
	});

	const shutdown = (code: number) => {
		clearTimeout(repaint);
		session.stop();
		// A signal can come before a failed read or write has told dockpit that the terminal is gone.
		if (hungUpDescriptors().length > 0) {
			terminal.abandon();
			exitQuietly(code);
		}

		instance.unmount();
		terminal.restore();
		process.exit(code);
	};

	for (const [signal, code] of Object.entries(endingSignals)) process.on(signal, () => shutdown(code));
	const crash = (error: unknown) => {
		if (isTerminalGone(error)) terminalGone();
		const log = writeCrashLog(
			`${new Date().toISOString()}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);

		session.stop();
		if (hungUpDescriptors().length > 0) {
			terminal.abandon();
			exitQuietly(1);
		}

		instance.unmount();
		terminal.restore();
		process.stderr.write(
			`dockpit stopped on an internal error: ${sanitize(error instanceof Error ? error.message : String(error))}\n${log ? `Details: ${log}\n` : ''}`,
		);
		process.exit(1);
	};

	// Nothing more can be shown: no crash log, no restore, no last frame; just stop and leave.
	const terminalGone = () => {
		terminal.abandon();
		session.stop();
		exitTerminalGone([process.stdin, process.stdout, process.stderr]);
	};

	onTerminalGone([process.stdout, process.stdin, process.stderr], terminalGone, crash);
	// A terminal in raw mode never reads an end of file (Ctrl-D is a key): one that ends has hung up.
	if (process.stdin.isTTY) process.stdin.once('end', terminalGone);
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);

	setImmediate(() => {
		session.connect().catch(crash);
	});
	// The app unmounts itself to hand the terminal to an exec or attach (state lives in the store),
	// and is rendered again when the process ends.
	for (;;) {
		try {
			await instance.waitUntilExit();
		} catch (error: unknown) {
			// Ink ends with the error of a render or effect: setRawMode on a terminal that vanished throws EIO
			// there (exit 1 seen in CI), which is the terminal going away, not a fault of dockpit.
			if (isTerminalGone(error)) terminalGone();
			crash(error);
		}

		const request = session.takeExec();
		if (!request) break;
		handedOver = true;
		const printed = boundedOutput();
		const outcome = await runProcessSession(session.engine, request, process, printed.add).finally(() => {
			handedOver = false;
		});
		session.store.dispatch({type: 'ui/status', status: execStatus(request, outcome)});
		// A typed command's output stays on screen until closed (issue 14, item 6).
		if (request.kind === 'command') {
			session.store.dispatch({type: 'ui/openDialog', dialog: execResult(request, outcome, printed.text())});
		}

		if (process.stdout.isTTY) process.stdout.write(reenterAlternate);
		output.reset();
		instance = mount();
	}

	session.stop();
	terminal.restore();
	return 0;
}
