// Handing the terminal to a container: what was asked for (a shell, a command, an attach) and what the
// status line says when the dashboard comes back; a typed command's output is kept for the result panel.
import {sanitize} from '../core/sanitize.js';
import {maskCredentials, maskEnvValue} from './secrets.js';

export type ExecRequest =
	| {readonly kind: 'shell'; readonly id: string; readonly name: string}
	| {readonly kind: 'command'; readonly id: string; readonly name: string; readonly command: string}
	/** `start`: the container is stopped; attach first, then start it (docker start -ai), so no output is missed. */
	| {readonly kind: 'attach'; readonly id: string; readonly name: string; readonly start?: boolean};

/** Docker's own detach sequence, passed as the attach's detachKeys and watched for locally too. */
export const detachKeys = 'ctrl-p,ctrl-q';
export const detachKeysText = 'Ctrl-P Ctrl-Q';

/**
 * The process to run: bash where the image has it, else sh, decided inside the container by sh itself
 * (an image with bash but no /bin/sh is rarer than one with neither, and this costs no extra round trip).
 */
export function execCommand(request: Exclude<ExecRequest, {kind: 'attach'}>): string[] {
	if (request.kind === 'command') return ['/bin/sh', '-c', request.command];
	return ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'];
}

export type ExecOutcome =
	| {readonly kind: 'exited'; readonly code: number | undefined}
	| {readonly kind: 'detached'}
	/** The container stopped (or was removed) while the session was open. */
	| {readonly kind: 'container-stopped'; readonly code: number | undefined}
	/** The engine stopped answering: nothing is known about the container, so nothing is said about it. */
	| {readonly kind: 'engine-lost'; readonly message: string}
	| {readonly kind: 'failed'; readonly message: string};

export type ExecStatus = {readonly text: string; readonly tone: 'info' | 'success' | 'error'};

/** The status line after the session, e.g. "exec exited (code 0)". */
export function execStatus(request: ExecRequest, outcome: ExecOutcome): ExecStatus {
	const what = request.kind === 'attach' ? 'attach' : 'exec';
	switch (outcome.kind) {
		case 'exited': {
			const code = outcome.code === undefined ? 'unknown' : String(outcome.code);
			return {text: `${what} exited (code ${code}) · ${request.name}`, tone: outcome.code === 0 ? 'success' : 'info'};
		}

		case 'detached':
			return {text: `Detached from ${request.name}; it is still running`, tone: 'success'};
		case 'container-stopped':
			return {
				text: `${what} ended: ${request.name} stopped${outcome.code === undefined ? '' : ` (code ${outcome.code})`}`,
				tone: 'info',
			};
		case 'engine-lost':
			return {text: `${what} ended: the engine stopped answering (${outcome.message}) · ${request.name}`, tone: 'error'};
		case 'failed':
			return {text: `Could not ${what} ${request.name}: ${outcome.message}`, tone: 'error'};
	}
}

/** What `X` leaves on screen when the command ends: its output and how it ended (issue 14, item 6). */
export type ExecResultDialog = {
	readonly kind: 'execResult';
	readonly name: string;
	readonly command: string;
	/** "exited (code 0)", or why it ended otherwise. */
	readonly ending: string;
	readonly tone: ExecStatus['tone'];
	readonly lines: readonly string[];
	/** Lines of the output cut from its start to keep it bounded. */
	readonly dropped: number;
	/** First line shown. */
	readonly offset: number;
	/** Secrets in the output are shown (the details panel's reveal key); masked until then. */
	readonly revealed: boolean;
};

/** One output line as shown until revealed: `KEY=value` lines (env, set) by the Env rule, any other by its content. */
export function maskOutputLine(line: string): string {
	const pair = /^(?:export\s+)?([A-Za-z_]\w*)=(.*)$/.exec(line);
	if (pair) return line.slice(0, line.length - pair[2]!.length) + maskEnvValue(pair[1]!, pair[2]!);
	return maskCredentials(line);
}

/** The most output kept from one command, in lines (the newest are kept). */
export const execOutputCap = 5000;

/** Escape sequences a program writes to a terminal (CSI, OSC, two-character ESC forms): not text. */
const terminalSequences = /\u001B(?:\[[\d;:?<=>!]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;

/**
 * A command's terminal output as plain lines: escape sequences dropped, \r\n and a lone \r (a progress
 * line rewritten in place keeps its last state) read as the terminal would, other controls made visible.
 */
export function execOutputLines(text: string, cap = execOutputCap): {readonly lines: string[]; readonly dropped: number} {
	const plain = text.replaceAll(terminalSequences, '');
	const lines = plain
		.replaceAll('\r\n', '\n')
		.split('\n')
		.map((line) => sanitize(line.slice(line.lastIndexOf('\r') + 1)));
	if (lines.at(-1) === '') lines.pop();
	const dropped = Math.max(0, lines.length - cap);
	return {lines: dropped > 0 ? lines.slice(dropped) : lines, dropped};
}

/** The result panel of a typed command, from its output and how it ended. */
export function execResult(
	request: Extract<ExecRequest, {kind: 'command'}>,
	outcome: ExecOutcome,
	output: string,
): ExecResultDialog {
	const status = execStatus(request, outcome);
	const ending =
		outcome.kind === 'exited' ? `exited (code ${outcome.code === undefined ? 'unknown' : outcome.code})` : status.text;
	const {lines, dropped} = execOutputLines(output);
	return {
		kind: 'execResult',
		name: request.name,
		command: request.command,
		ending,
		tone: status.tone,
		lines,
		dropped,
		offset: 0,
		revealed: false,
	};
}
