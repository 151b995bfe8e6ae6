// Runs the dashboard: takes the terminal, renders, connects the live feed after the first frame,
// and gives everything back on every way out.
import {writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {render} from 'ink';
import {App} from './components/App.js';
import {createSession, type SessionOptions} from './session.js';
import {takeTerminal} from './terminal.js';

const signals = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const;

/** Resolves with the exit code. */
export async function runDashboard(options: SessionOptions): Promise<number> {
	const session = createSession(options);
	const terminal = takeTerminal(process.stdout, process.stdin);
	const instance = render(<App session={session} />, {
		exitOnCtrlC: false,
		patchConsole: true,
		incrementalRendering: false,
		maxFps: 30,
	});

	const shutdown = (code: number) => {
		session.stop();
		instance.unmount();
		terminal.restore();
		process.exit(code);
	};

	for (const [signal, number] of Object.entries(signals)) process.on(signal, () => shutdown(128 + number));
	const crash = (error: unknown) => {
		const log = path.join(os.tmpdir(), 'dockpit-crash.log');
		try {
			writeFileSync(
				log,
				`${new Date().toISOString()}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
		} catch {
			// Nowhere to write the details; the one-line message still goes out.
		}

		session.stop();
		instance.unmount();
		terminal.restore();
		process.stderr.write(
			`dockpit stopped on an internal error: ${error instanceof Error ? error.message : String(error)}\nDetails: ${log}\n`,
		);
		process.exit(1);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);

	setImmediate(() => {
		session.connect().catch(crash);
	});
	await instance.waitUntilExit();
	session.stop();
	terminal.restore();
	return 0;
}
